using System.Globalization;
using System.Text;
using System.Xml;

namespace Cwmp.Protocol.Serialization;

/// <summary>
/// A thin cursor over <see cref="XmlReader"/> that every message reader uses. It enforces the limits of
/// <see cref="CwmpParserOptions"/> on every node it moves over (so skipped content is bounded too), matches child
/// elements by local name only (CWMP children are unqualified, but some CPEs qualify them), and reads values
/// tolerantly: surrounding whitespace on numbers and booleans, 0/1 booleans, raw unparseable times.
/// </summary>
/// <remarks>
/// Reading pattern for a container positioned on its start element:
/// <code>
/// if (reader.EnterElement())
/// {
///     while (reader.NextChild())
///     {
///         switch (reader.LocalName) { case "Name": name = reader.ReadString(); break; default: reader.Skip(); break; }
///     }
/// }
/// </code>
/// Every branch must consume the child it was handed (read it or skip it).
/// </remarks>
internal sealed class CwmpElementReader
{
    private readonly XmlReader _xml;
    private readonly CwmpParserOptions _options;
    private readonly StringBuilder _text = new();
    private readonly char[] _chunk = new char[256];
    private int _elementCount;

    public CwmpElementReader(XmlReader xml, CwmpParserOptions options)
    {
        _xml = xml;
        _options = options;
    }

    public CwmpParserOptions Options => _options;

    public string LocalName => _xml.LocalName;

    public string NamespaceUri => _xml.NamespaceURI;

    public XmlNodeType NodeType => _xml.NodeType;

    /// <summary>The RPC being read, for error messages.</summary>
    public string? MethodName { get; set; }

    /// <summary>The cwmp:ID read from the header, for error messages.</summary>
    public string? RequestId { get; set; }

    /// <summary>Moves to the next node, checking the depth and element-count limits.</summary>
    public bool Read()
    {
        if (!_xml.Read())
        {
            return false;
        }

        if (_xml.NodeType == XmlNodeType.Element)
        {
            if (++_elementCount > _options.MaxElements)
            {
                throw Fail(CwmpParseError.TooManyElements, $"More than {_options.MaxElements} elements.");
            }

            if (_xml.Depth > _options.MaxDepth)
            {
                throw Fail(CwmpParseError.TooDeep, $"Elements nest deeper than {_options.MaxDepth}.");
            }
        }

        return true;
    }

    /// <summary>Moves to the root element.</summary>
    public void MoveToRoot()
    {
        while (Read())
        {
            if (_xml.NodeType == XmlNodeType.Element)
            {
                return;
            }
        }

        throw Fail(CwmpParseError.MalformedXml, "The document has no root element.");
    }

    /// <summary>
    /// On a start element: steps inside and returns true, or, for an empty element (&lt;X/&gt;), steps past it and
    /// returns false.
    /// </summary>
    public bool EnterElement()
    {
        bool empty = _xml.IsEmptyElement;
        if (empty && _xml.Depth == 0)
        {
            // An empty root (<Envelope/>) is the whole document: the end of input may follow it.
            Read();
        }
        else
        {
            ReadOrFail();
        }

        return !empty;
    }

    /// <summary>
    /// Inside an element: moves to the next child element and returns true, or consumes the end tag and returns false.
    /// Text, whitespace and comments between children are passed over.
    /// </summary>
    public bool NextChild()
    {
        while (true)
        {
            switch (_xml.NodeType)
            {
                case XmlNodeType.Element:
                    return true;
                case XmlNodeType.EndElement:
                    // The root's end tag may be the last node of the document.
                    if (_xml.Depth == 0)
                    {
                        Read();
                    }
                    else
                    {
                        ReadOrFail();
                    }

                    return false;
                default:
                    ReadOrFail();
                    break;
            }
        }
    }

    /// <summary>Skips the current element with all its content, within the limits.</summary>
    public void Skip()
    {
        if (_xml.IsEmptyElement)
        {
            ReadOrFail();
            return;
        }

        int depth = _xml.Depth;
        ReadOrFail();
        while (!(_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth))
        {
            ReadOrFail();
        }

        ReadOrFail();
    }

    /// <summary>Reads the text of the current element and moves past it. Nested elements are skipped.</summary>
    public string ReadString()
    {
        if (_xml.IsEmptyElement)
        {
            ReadOrFail();
            return string.Empty;
        }

        ReadOrFail();
        StringBuilder text = _text.Clear();
        while (true)
        {
            switch (_xml.NodeType)
            {
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    AppendValue(text);
                    ReadOrFail();
                    break;
                case XmlNodeType.EndElement:
                    ReadOrFail();
                    string value = text.Length == 0 ? string.Empty : text.ToString();
                    return _options.StripInvalidXmlCharacters ? XmlCharacters.StripInvalid(value) : value;
                case XmlNodeType.Element:
                    Skip();
                    break;
                default:
                    ReadOrFail();
                    break;
            }
        }
    }

    /// <summary>Reads an element whose text is a trimmed token (numbers, booleans, enumerations).</summary>
    public string ReadToken() => ReadString().Trim();

    public int ReadInt() => ParseInt(ReadToken());

    public uint ReadUInt()
    {
        string token = ReadToken();
        return uint.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out uint value)
            ? value
            : throw InvalidValue(token, "an unsignedInt");
    }

    public long ReadLong()
    {
        string token = ReadToken();
        return long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw InvalidValue(token, "a long");
    }

    public bool ReadBool()
    {
        string token = ReadToken();
        return TryParseBool(token, out bool value) ? value : throw InvalidValue(token, "a boolean");
    }

    public CwmpDateTime ReadDateTime() => CwmpDateTime.Parse(ReadString());

    /// <summary>Reads the xsi:type of the current element (before reading its content), as a canonical "xsd:…" name.</summary>
    public string? ReadXsiType()
    {
        if (!_xml.HasAttributes)
        {
            return null;
        }

        string? raw = _xml.GetAttribute("type", CwmpNamespaces.XmlSchemaInstance);
        if (raw is null)
        {
            // Tolerate a type attribute in another namespace (an unbound or misbound xsi prefix).
            while (_xml.MoveToNextAttribute())
            {
                if (_xml.LocalName == "type" && _xml.NamespaceURI != "http://www.w3.org/2000/xmlns/")
                {
                    raw = _xml.Value;
                    break;
                }
            }

            _xml.MoveToElement();
        }

        return raw is null ? null : XsiTypes.Canonicalize(raw.Trim(), _xml.LookupNamespace);
    }

    /// <summary>
    /// Reads an array element: every child element is an item (the item element name is not checked, and
    /// soap-enc:arrayType is not required). <paramref name="maxItems"/> defaults to the array limit.
    /// </summary>
    public EquatableArray<T> ReadArray<T>(Func<CwmpElementReader, T> readItem, int? maxItems = null)
    {
        int limit = Math.Min(maxItems ?? _options.MaxArrayLength, _options.MaxArrayLength);
        if (!EnterElement())
        {
            return EquatableArray<T>.Empty;
        }

        var items = new List<T>();
        while (NextChild())
        {
            if (items.Count >= limit)
            {
                throw Fail(CwmpParseError.ArrayTooLong, $"An array has more than {limit} items.");
            }

            items.Add(readItem(this));
        }

        return new EquatableArray<T>([.. items]);
    }

    public EquatableArray<string> ReadStringArray(int? maxItems = null) => ReadArray(static r => r.ReadString(), maxItems);

    public CwmpParseException InvalidValue(string token, string expected) =>
        Fail(CwmpParseError.InvalidValue, $"'{Truncate(token)}' in <{_xml.LocalName}> is not {expected}.");

    public CwmpParseException Missing(string element, string parent) =>
        Fail(CwmpParseError.MissingElement, $"<{parent}> has no <{element}>.");

    public CwmpParseException Fail(CwmpParseError error, string message) =>
        new(error, message) { RequestId = RequestId, MethodName = MethodName };

    public static bool TryParseBool(string token, out bool value)
    {
        switch (token)
        {
            case "1":
            case "true":
            case "True":
            case "TRUE":
                value = true;
                return true;
            case "0":
            case "false":
            case "False":
            case "FALSE":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private int ParseInt(string token) =>
        int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw InvalidValue(token, "an int");

    private void ReadOrFail()
    {
        if (!Read())
        {
            throw Fail(CwmpParseError.MalformedXml, "The document ends before its elements are closed.");
        }
    }

    /// <summary>
    /// Appends the value of the current text node in pieces, so that an oversized one is refused once it passes the
    /// limit rather than after the reader has built all of it.
    /// </summary>
    private void AppendValue(StringBuilder text)
    {
        int read;
        while ((read = _xml.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
        {
            if (text.Length + read > _options.MaxStringLength)
            {
                throw Fail(CwmpParseError.StringTooLong, $"A value is longer than {_options.MaxStringLength} characters.");
            }

            text.Append(_chunk, 0, read);
        }
    }

    private static string Truncate(string token) => token.Length <= 64 ? token : string.Concat(token.AsSpan(0, 64), "…");
}
