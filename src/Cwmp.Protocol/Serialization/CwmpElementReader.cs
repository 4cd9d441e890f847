using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
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
internal sealed class CwmpElementReader : IDisposable
{
    private const int InitialTextCapacity = 256;

    private readonly XmlReader _xml;
    private readonly CwmpParserOptions _options;
    private int _elementCount;

    // The type of the node Read moved to: asked several times per node, and each XmlReader property is a virtual call.
    // Only Read moves the reader between nodes (ReadXsiType visits attributes but returns to the element).
    private XmlNodeType _nodeType;

    // Rented from the shared pool; see ReadText.
    private char[] _text = [];

    public CwmpElementReader(XmlReader xml, CwmpParserOptions options)
    {
        _xml = xml;
        _options = options;
    }

    public CwmpParserOptions Options => _options;

    public string LocalName => _xml.LocalName;

    public string NamespaceUri => _xml.NamespaceURI;

    public XmlNodeType NodeType => _nodeType;

    /// <summary>The RPC being read, for error messages.</summary>
    public string? MethodName { get; set; }

    /// <summary>The cwmp:ID read from the header, for error messages.</summary>
    public string? RequestId { get; set; }

    /// <summary>Returns the text buffer to the pool.</summary>
    public void Dispose() => ReturnText();

    /// <summary>Moves to the next node, checking the depth and element-count limits.</summary>
    public bool Read()
    {
        if (!_xml.Read())
        {
            _nodeType = XmlNodeType.None;
            return false;
        }

        _nodeType = _xml.NodeType;
        if (_nodeType == XmlNodeType.Element)
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
            if (_nodeType == XmlNodeType.Element)
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
            switch (_nodeType)
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
        while (!(_nodeType == XmlNodeType.EndElement && _xml.Depth == depth))
        {
            ReadOrFail();
        }

        ReadOrFail();
    }

    /// <summary>Reads the text of the current element and moves past it. Nested elements are skipped.</summary>
    public string ReadString()
    {
        // A value of one text node (nearly every value) is the string XmlReader makes of it anyway: no copy. Its size
        // is bounded before XmlReader sees the document (MarkupLimits refuses over-long text runs).
        string? single = ReadContent(keepSingleNode: true, out int length);
        return single is null ? new string(BufferedText(length))
            : _options.StripInvalidXmlCharacters ? XmlCharacters.StripInvalid(single)
            : single;
    }

    /// <summary>Reads an element whose text is a trimmed token (numbers, booleans, enumerations).</summary>
    public string ReadToken() => new(ReadText().Trim());

    /// <summary>
    /// Reads a parameter name, as <see cref="ReadString"/> does, but as a shared instance from
    /// <see cref="ParameterNamePool"/>: every device of a model sends the same names in every message.
    /// </summary>
    public string ReadParameterName() => ParameterNamePool.Get(ReadText());

    public int ReadInt()
    {
        ReadOnlySpan<char> token = ReadText().Trim();
        return int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw InvalidValue(token.ToString(), "an int");
    }

    public uint ReadUInt()
    {
        ReadOnlySpan<char> token = ReadText().Trim();
        return uint.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out uint value)
            ? value
            : throw InvalidValue(token.ToString(), "an unsignedInt");
    }

    public long ReadLong()
    {
        ReadOnlySpan<char> token = ReadText().Trim();
        return long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw InvalidValue(token.ToString(), "a long");
    }

    public bool ReadBool()
    {
        ReadOnlySpan<char> token = ReadText().Trim();
        return TryParseBool(token, out bool value) ? value : throw InvalidValue(token.ToString(), "a boolean");
    }

    public CwmpDateTime ReadDateTime() => CwmpDateTime.Parse(ReadString());

    /// <summary>
    /// Reads the text of the current element and moves past it; nested elements are skipped. The text is collected
    /// in a pooled buffer, so that values parsed from it (numbers, known codes, shared names) cost no string. The span
    /// is valid only until the next read.
    /// </summary>
    public ReadOnlySpan<char> ReadText()
    {
        ReadContent(keepSingleNode: false, out int length);
        return BufferedText(length);
    }

    /// <summary>Reads the xsi:type of the current element (before reading its content), as a canonical "xsd:…" name.</summary>
    public string? ReadXsiType()
    {
        // A walk over the attributes rather than MoveToAttribute(name, namespace), which looks both names up in the
        // name table on every call. The reader's names are atomised, so a match is decided by the reference check.
        int count = _xml.AttributeCount;
        int typeInOtherNamespace = -1;
        for (int i = 0; i < count; i++)
        {
            _xml.MoveToAttribute(i);
            if (_xml.LocalName != "type")
            {
                continue;
            }

            if (_xml.NamespaceURI == CwmpNamespaces.XmlSchemaInstance)
            {
                return ReadXsiTypeValue();
            }

            // Tolerated: a type attribute in another namespace (an unbound or misbound xsi prefix).
            if (typeInOtherNamespace < 0 && _xml.NamespaceURI != "http://www.w3.org/2000/xmlns/")
            {
                typeInOtherNamespace = i;
            }
        }

        if (typeInOtherNamespace < 0)
        {
            _xml.MoveToElement();
            return null;
        }

        _xml.MoveToAttribute(typeInOtherNamespace);
        return ReadXsiTypeValue();
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

        // Items collect in pooled arrays, so that the only array left behind is the exact-size result.
        T[] items = ArrayPool<T>.Shared.Rent(16);
        int count = 0;
        try
        {
            while (NextChild())
            {
                if (count >= limit)
                {
                    throw Fail(CwmpParseError.ArrayTooLong, $"An array has more than {limit} items.");
                }

                if (count == items.Length)
                {
                    T[] larger = ArrayPool<T>.Shared.Rent(count * 2);
                    items.AsSpan(0, count).CopyTo(larger);
                    ReturnToPool(items, count);
                    items = larger;
                }

                items[count++] = readItem(this);
            }

            return new EquatableArray<T>(items.AsSpan(0, count).ToArray());
        }
        finally
        {
            ReturnToPool(items, count);
        }
    }

    public EquatableArray<string> ReadStringArray(int? maxItems = null) => ReadArray(static r => r.ReadString(), maxItems);

    public CwmpParseException InvalidValue(string token, string expected) =>
        Fail(CwmpParseError.InvalidValue, $"'{Truncate(token)}' in <{_xml.LocalName}> is not {expected}.");

    public CwmpParseException Missing(string element, string parent) =>
        Fail(CwmpParseError.MissingElement, $"<{parent}> has no <{element}>.");

    public CwmpParseException Fail(CwmpParseError error, string message) =>
        new(error, message) { RequestId = RequestId, MethodName = MethodName };

    public static bool TryParseBool(string token, out bool value) => TryParseBool(token.AsSpan(), out value);

    public static bool TryParseBool(ReadOnlySpan<char> token, out bool value)
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

    /// <summary>
    /// Moves through the content of the current element and past its end, joining its text parts in the text buffer
    /// (<paramref name="length"/> characters). With <paramref name="keepSingleNode"/>, content of exactly one text
    /// node is returned as XmlReader's string instead, and the buffer is left alone.
    /// </summary>
    private string? ReadContent(bool keepSingleNode, out int length)
    {
        length = 0;
        if (_xml.IsEmptyElement)
        {
            ReadOrFail();
            return null;
        }

        ReadOrFail();
        string? single = null;
        while (true)
        {
            switch (_nodeType)
            {
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    if (keepSingleNode && single is null && length == 0)
                    {
                        single = _xml.Value;
                        if (single.Length > _options.MaxStringLength)
                        {
                            throw StringTooLong(_options.MaxStringLength);
                        }
                    }
                    else
                    {
                        if (single is not null)
                        {
                            // A second part after all: join them in the buffer.
                            single.CopyTo(EnsureTextCapacity(single.Length));
                            length = single.Length;
                            single = null;
                        }

                        length = AppendValue(length, _options.MaxStringLength);
                    }

                    ReadOrFail();
                    break;
                case XmlNodeType.EndElement:
                    ReadOrFail();
                    return single;
                case XmlNodeType.Element:
                    Skip();
                    break;
                default:
                    ReadOrFail();
                    break;
            }
        }
    }

    /// <summary>The first <paramref name="length"/> characters of the text buffer, without the characters XML forbids when the options say so.</summary>
    private ReadOnlySpan<char> BufferedText(int length)
    {
        ReadOnlySpan<char> text = length == 0 ? [] : _text.AsSpan(0, length);
        return _options.StripInvalidXmlCharacters && XmlCharacters.ContainsInvalid(text)
            ? XmlCharacters.StripInvalid(text.ToString())
            : text;
    }

    /// <summary>
    /// Reads the type attribute the reader is on into the text buffer, not into a string (every parameter value
    /// carries one, and the common types resolve to shared constants), and moves back to its element.
    /// </summary>
    private string ReadXsiTypeValue()
    {
        int length = AppendValue(0, int.MaxValue);
        string type = XsiTypes.Canonicalize(length == 0 ? [] : _text.AsSpan(0, length).Trim(), _xml);
        _xml.MoveToElement();
        return type;
    }

    /// <summary>Appends the value of the current node to the text buffer, which starts with <paramref name="length"/> characters.</summary>
    private int AppendValue(int length, int maxLength)
    {
        while (true)
        {
            // At least two characters free: ReadValueChunk does not split a surrogate pair.
            char[] buffer = EnsureTextCapacity(length + 2);
            int read = _xml.ReadValueChunk(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                return length;
            }

            length += read;
            if (length > maxLength)
            {
                throw StringTooLong(maxLength);
            }
        }
    }

    private char[] EnsureTextCapacity(int capacity)
    {
        if (_text.Length >= capacity)
        {
            return _text;
        }

        char[] larger = ArrayPool<char>.Shared.Rent(Math.Max(capacity, Math.Max(_text.Length * 2, InitialTextCapacity)));
        _text.CopyTo(larger, 0);
        ReturnText();
        _text = larger;
        return larger;
    }

    private void ReturnText()
    {
        if (_text.Length != 0)
        {
            ArrayPool<char>.Shared.Return(_text);
        }

        _text = [];
    }

    private CwmpParseException StringTooLong(int maxLength) =>
        Fail(CwmpParseError.StringTooLong, $"A value is longer than {maxLength} characters.");

    private static void ReturnToPool<T>(T[] items, int count)
    {
        // Cleared so that the pool does not keep parsed messages alive.
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            items.AsSpan(0, count).Clear();
        }

        ArrayPool<T>.Shared.Return(items);
    }

    private void ReadOrFail()
    {
        if (!Read())
        {
            throw Fail(CwmpParseError.MalformedXml, "The document ends before its elements are closed.");
        }
    }

    private static string Truncate(string token) => token.Length <= 64 ? token : string.Concat(token.AsSpan(0, 64), "…");
}
