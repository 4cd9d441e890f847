using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Schema;
using Cwmp.Protocol;

namespace Cwmp.Protocol.Tests.Infrastructure;

/// <summary>
/// The BBF CWMP schemas from ../shared/bbf, compiled offline: a resolver maps the SOAP and broadband-forum.org
/// URLs the XSDs import to the local files and refuses everything else (../shared/bbf/soap/README.md).
/// </summary>
internal static class BbfSchemas
{
    private static readonly ConcurrentDictionary<CwmpVersion, XmlSchemaSet> Sets = new();

    public static string BbfDirectory { get; } = FindBbfDirectory();

    /// <summary>Validates a whole envelope against the schema of <paramref name="version"/>; returns the errors.</summary>
    public static IReadOnlyList<string> Validate(byte[] envelope, CwmpVersion version)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Sets.GetOrAdd(version, Compile),
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
        };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber} pos {e.Exception.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(envelope), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    private static XmlSchemaSet Compile(CwmpVersion version)
    {
        string file = version.Minor switch
        {
            0 => "cwmp-1-0.xsd",
            1 => "cwmp-1-1.xsd",
            2 => "cwmp-1-2.xsd",
            3 => "cwmp-1-3.xsd",
            _ => "cwmp-1-4.xsd",
        };
        var set = new XmlSchemaSet { XmlResolver = new OfflineResolver() };
        set.Add(null, Path.Combine(BbfDirectory, file));
        set.Compile();
        return set;
    }

    private static string FindBbfDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "bbf");
            if (File.Exists(Path.Combine(candidate, "cwmp-1-0.xsd")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/bbf (the BBF schemas) was not found beside or above the test directory.");
    }

    private sealed class OfflineResolver : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            string uri = absoluteUri.AbsoluteUri;
            string? local = uri switch
            {
                CwmpNamespaces.SoapEnvelope => Path.Combine(BbfDirectory, "soap", "soap-envelope-1.1.xsd"),
                CwmpNamespaces.SoapEncoding => Path.Combine(BbfDirectory, "soap", "soap-encoding-1.1.xsd"),
                _ when uri.StartsWith("http://www.broadband-forum.org/cwmp/", StringComparison.Ordinal) =>
                    Path.Combine(BbfDirectory, uri["http://www.broadband-forum.org/cwmp/".Length..]),
                _ when absoluteUri.IsFile && absoluteUri.LocalPath.StartsWith(BbfDirectory, StringComparison.Ordinal) => absoluteUri.LocalPath,
                _ => null,
            };

            return local is null
                ? throw new XmlException($"Refusing to resolve {uri}: only the local BBF and SOAP schemas are allowed.")
                : File.OpenRead(local);
        }
    }
}
