using System.Text;
using System.Text.RegularExpressions;
using Cwmp.Protocol;

namespace Cwmp.Grains.Tests.Infrastructure;

/// <summary>
/// The protocol tests' corpus: the exact bytes CPEs send. Two things may be changed so that tests do not share a
/// device or a request id: the serial number of the corpus device (HG-000001) and the cwmp:ID of an answer.
/// </summary>
internal static partial class CorpusFiles
{
    public const string CorpusSerial = "HG-000001";

    public static byte[] Read(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Corpus", file));

    /// <summary>A corpus envelope with the serial number replaced (and any other text, old → new).</summary>
    public static CwmpEnvelope FromDevice(string file, string serial, params (string Old, string New)[] replacements)
    {
        string xml = Encoding.UTF8.GetString(Read(file)).Replace(CorpusSerial, serial, StringComparison.Ordinal);
        foreach ((string old, string replacement) in replacements)
        {
            xml = xml.Replace(old, replacement, StringComparison.Ordinal);
        }

        return Parse(xml);
    }

    /// <summary>A corpus answer carrying <paramref name="id"/> as its cwmp:ID.</summary>
    public static CwmpEnvelope WithId(string file, string id) =>
        Parse(IdElement().Replace(Encoding.UTF8.GetString(Read(file)), m => m.Groups[1].Value + id + m.Groups[2].Value, 1));

    /// <summary>A corpus envelope as it is.</summary>
    public static CwmpEnvelope Envelope(string file) => CwmpParser.Parse(Read(file)) ?? throw new InvalidOperationException($"{file} is an empty POST.");

    private static CwmpEnvelope Parse(string xml) => CwmpParser.Parse(Encoding.UTF8.GetBytes(xml)) ?? throw new InvalidOperationException("Empty envelope.");

    [GeneratedRegex("(<cwmp:ID[^>]*>)[^<]*(</cwmp:ID>)")]
    private static partial Regex IdElement();
}
