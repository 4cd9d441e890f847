using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Xml;
using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// Parses a CWMP SOAP envelope, streaming, with <see cref="XmlReader"/>: DTDs prohibited, no resolver, every limit of
/// <see cref="CwmpParserOptions"/> enforced as it reads. Elements are matched by namespace URI and local name, never
/// by prefix. Bad input always ends in a <see cref="CwmpParseException"/>; nothing else escapes.
/// </summary>
/// <remarks>
/// Grammar accepted (SOAP 1.1, TR-069 A.2/A.3):
/// <code>
/// Envelope := soap-env:Envelope( Header? Body other* )
/// Header   := *:Header( (cwmp:ID | cwmp:HoldRequests | cwmp:NoMoreRequests | cwmp:SessionTimeout
///                        | cwmp:SupportedCWMPVersions | cwmp:UseCWMPVersion | other)* )
/// Body     := *:Body( cwmp:RPC | soap-env:Fault )        exactly one element
/// </code>
/// An empty or whitespace-only body is the CPE's "empty POST" and parses to null.
/// </remarks>
public static class CwmpParser
{
    private static readonly ConcurrentDictionary<(int MaxChars, bool CheckCharacters), XmlReaderSettings> SettingsCache = new();

    /// <summary>Parses a complete body. Returns null for an empty POST (no bytes, or only whitespace).</summary>
    /// <param name="body">The HTTP body after transfer and content decoding.</param>
    /// <param name="options">Limits and tolerances; <see cref="CwmpParserOptions.Default"/> when null.</param>
    /// <param name="charset">The charset of the Content-Type header, if it named one; otherwise the XML declaration (or UTF-8) decides.</param>
    public static CwmpEnvelope? Parse(ReadOnlyMemory<byte> body, CwmpParserOptions? options = null, Encoding? charset = null)
    {
        options ??= CwmpParserOptions.Default;
        if (body.Length > options.MaxBodyBytes)
        {
            throw new CwmpParseException(CwmpParseError.BodyTooLarge, $"The body has {body.Length} bytes; the limit is {options.MaxBodyBytes}.");
        }

        if (IsEmptyBody(body.Span))
        {
            return null;
        }

        MarkupLimits.Check(body.Span, charset, options);
        if (options.StripInvalidXmlCharacters)
        {
            RawControlBytes.TryRemove(body, charset, out body);
        }

        return ParseDocument(body, charset, options);
    }

    /// <summary>
    /// Reads a body from a stream and parses it. At most <see cref="CwmpParserOptions.MaxBodyBytes"/> bytes, and one
    /// more to know that a body is too large, are read from the stream; the buffer never grows past the limit.
    /// </summary>
    public static async ValueTask<CwmpEnvelope?> ParseAsync(Stream body, CwmpParserOptions? options = null, Encoding? charset = null, CancellationToken cancellationToken = default)
    {
        options ??= CwmpParserOptions.Default;
        int limit = options.MaxBodyBytes;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Clamp(limit, 1, 16 * 1024));
        int length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length && length < limit)
                {
                    byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, limit));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                int room = Math.Min(buffer.Length, limit) - length;
                if (room == 0)
                {
                    if (await body.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) != 0)
                    {
                        throw new CwmpParseException(CwmpParseError.BodyTooLarge, $"The body is larger than the limit of {limit} bytes.");
                    }

                    break;
                }

                int read = await body.ReadAsync(buffer.AsMemory(length, room), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return Parse(buffer.AsMemory(0, length), options, charset);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>True for an empty POST: no bytes, or only whitespace (and a byte-order mark).</summary>
    public static bool IsEmptyBody(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        return body.IndexOfAnyExcept(" \t\r\n"u8) < 0;
    }

    private static CwmpEnvelope ParseDocument(ReadOnlyMemory<byte> body, Encoding? charset, CwmpParserOptions options)
    {
        XmlReaderSettings settings = SettingsCache.GetOrAdd((options.MaxBodyBytes, !options.StripInvalidXmlCharacters), static key => new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = false,
            CheckCharacters = key.CheckCharacters,
            MaxCharactersInDocument = key.MaxChars,
            MaxCharactersFromEntities = 4096,
            CloseInput = false,
        });

        CwmpElementReader? reader = null;
        try
        {
            using XmlReader xml = CreateXmlReader(body, charset, settings);
            reader = new CwmpElementReader(xml, options);
            return ReadEnvelope(reader);
        }
        catch (XmlException e)
        {
            throw new CwmpParseException(Classify(e), $"Not well-formed XML: {e.Message}", e)
            {
                RequestId = reader?.RequestId,
                MethodName = reader?.MethodName,
            };
        }
        catch (DecoderFallbackException e)
        {
            throw new CwmpParseException(CwmpParseError.InvalidEncoding, $"Invalid bytes for the document's encoding: {e.Message}", e)
            {
                RequestId = reader?.RequestId,
                MethodName = reader?.MethodName,
            };
        }
        finally
        {
            reader?.Dispose();
        }
    }

    private static XmlReader CreateXmlReader(ReadOnlyMemory<byte> body, Encoding? charset, XmlReaderSettings settings)
    {
        var context = new XmlParserContext(new CwmpNameTable(), null, null, XmlSpace.None);
        if (charset is not null && charset.CodePage != Encoding.UTF8.CodePage)
        {
            return XmlReader.Create(new StreamReader(new ReadOnlyMemoryStream(body), charset, detectEncodingFromByteOrderMarks: false), settings, context);
        }

        // Nearly every CPE sends plain UTF-8; only other documents need XmlReader's encoding detection.
        return Utf8DocumentReader.TryOpen(body) is { } utf8
            ? XmlReader.Create(utf8, settings, context)
            : XmlReader.Create(new ReadOnlyMemoryStream(body), settings, context);
    }

    private static CwmpParseError Classify(XmlException e)
    {
        string message = e.Message;
        if (message.Contains("DTD", StringComparison.Ordinal) || message.Contains("DOCTYPE", StringComparison.Ordinal))
        {
            return CwmpParseError.DtdProhibited;
        }

        if (message.Contains("encoding", StringComparison.OrdinalIgnoreCase))
        {
            return CwmpParseError.InvalidEncoding;
        }

        return message.Contains("MaxCharactersInDocument", StringComparison.Ordinal) ? CwmpParseError.BodyTooLarge : CwmpParseError.MalformedXml;
    }

    private static CwmpEnvelope ReadEnvelope(CwmpElementReader reader)
    {
        reader.MoveToRoot();
        if (reader.NamespaceUri == CwmpNamespaces.Soap12Envelope)
        {
            throw reader.Fail(CwmpParseError.Soap12Envelope, "A SOAP 1.2 envelope; CWMP uses SOAP 1.1.");
        }

        if (reader.LocalName != "Envelope" || reader.NamespaceUri != CwmpNamespaces.SoapEnvelope)
        {
            throw reader.Fail(CwmpParseError.NotSoapEnvelope, $"The root element is {{{reader.NamespaceUri}}}{reader.LocalName}, not a SOAP 1.1 Envelope.");
        }

        CwmpHeader header = CwmpHeader.Empty;
        string? headerNamespace = null;
        CwmpMessage? body = null;
        string? bodyNamespace = null;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "Header" when body is null:
                        header = ReadHeader(reader, ref headerNamespace);
                        break;
                    case "Body":
                        if (body is not null)
                        {
                            throw reader.Fail(CwmpParseError.MultipleBodies, "The envelope has more than one Body.");
                        }

                        body = ReadBody(reader, out bodyNamespace);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }

        // Read to the end, so that a truncated document or trailing garbage is caught.
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                throw reader.Fail(CwmpParseError.MalformedXml, "Content after the envelope.");
            }
        }

        if (body is null)
        {
            throw reader.Fail(CwmpParseError.MissingBody, "The envelope has no Body.");
        }

        return new CwmpEnvelope(bodyNamespace ?? headerNamespace ?? CwmpNamespaces.Cwmp10, header, body);
    }

    private static CwmpHeader ReadHeader(CwmpElementReader reader, ref string? cwmpNamespace)
    {
        if (!reader.EnterElement())
        {
            return CwmpHeader.Empty;
        }

        string? id = null, supported = null, use = null;
        bool? hold = null, noMore = null;
        uint? sessionTimeout = null;
        while (reader.NextChild())
        {
            if (CwmpNamespaces.IsCwmp(reader.NamespaceUri))
            {
                cwmpNamespace ??= CwmpNamespaces.Intern(reader.NamespaceUri);
            }

            // Case-insensitive: CPEs write "sessionTimeout", "Id".
            switch (reader.LocalName.ToUpperInvariant())
            {
                case "ID":
                    id = reader.ReadString();
                    reader.RequestId = id;
                    break;
                case "HOLDREQUESTS":
                    hold = ReadTolerantBool(reader);
                    break;
                case "NOMOREREQUESTS":
                    noMore = ReadTolerantBool(reader);
                    break;
                case "SESSIONTIMEOUT":
                    sessionTimeout = uint.TryParse(reader.ReadToken(), out uint seconds) ? seconds : null;
                    break;
                case "SUPPORTEDCWMPVERSIONS":
                    supported = reader.ReadToken();
                    break;
                case "USECWMPVERSION":
                    use = reader.ReadToken();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return id is null && supported is null && use is null && hold is null && noMore is null && sessionTimeout is null
            ? CwmpHeader.Empty
            : new CwmpHeader
            {
                Id = id,
                HoldRequests = hold,
                NoMoreRequests = noMore,
                SessionTimeout = sessionTimeout,
                SupportedCwmpVersions = supported,
                UseCwmpVersion = use,
            };
    }

    private static bool? ReadTolerantBool(CwmpElementReader reader) =>
        CwmpElementReader.TryParseBool(reader.ReadToken(), out bool value) ? value : null;

    private static CwmpMessage ReadBody(CwmpElementReader reader, out string? cwmpNamespace)
    {
        cwmpNamespace = null;
        CwmpMessage? message = null;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                if (message is not null)
                {
                    throw reader.Fail(CwmpParseError.InvalidBodyContent, "The Body holds more than one element.");
                }

                string name = reader.LocalName;
                string ns = reader.NamespaceUri;
                reader.MethodName = name;
                if (name == "Fault" && ns == CwmpNamespaces.SoapEnvelope)
                {
                    message = CwmpFault.Read(reader);
                    continue;
                }

                if (ns.Length != 0 && !CwmpNamespaces.IsCwmp(ns))
                {
                    throw reader.Fail(CwmpParseError.UnknownNamespace, $"The RPC <{name}> is in namespace '{ns}', not a CWMP one.");
                }

                if (ns.Length != 0)
                {
                    cwmpNamespace = CwmpNamespaces.Intern(ns);
                }

                if (MessageRegistry.TryGetReader(name, out Func<CwmpElementReader, CwmpMessage>? read))
                {
                    message = read(reader);
                }
                else
                {
                    reader.Skip();
                    message = new UnknownMessage(name);
                }
            }
        }

        return message ?? throw reader.Fail(CwmpParseError.InvalidBodyContent, "The Body is empty.");
    }
}
