using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Cwmp.Protocol.Serialization;

/// <summary>
/// Writes UTF-8 XML straight into an <see cref="IBufferWriter{T}"/>: no indentation, no whitespace inside values,
/// the fixed prefixes soap-env, soap-enc, xsd, xsi and cwmp, escaping of &amp; &lt; &gt; " and CR. Characters XML 1.0
/// cannot carry are dropped, since no CPE could read them back. Element names are UTF-8 literals at the call sites.
/// </summary>
internal sealed class CwmpXmlWriter
{
    // Markup characters, CR (which XML would normalise away) and everything XML 1.0 forbids or that needs a
    // pairing check (all surrogates) take the slow path; the rest is encoded in one go.
    private static readonly SearchValues<char> NeedsEscape = SearchValues.Create(BuildSlowPathCharacters());

    private readonly IBufferWriter<byte> _output;

    public CwmpXmlWriter(IBufferWriter<byte> output, CwmpWriterOptions options)
    {
        _output = output;
        Options = options;
    }

    public CwmpWriterOptions Options { get; }

    public void Raw(ReadOnlySpan<byte> utf8)
    {
        Span<byte> span = _output.GetSpan(utf8.Length);
        utf8.CopyTo(span);
        _output.Advance(utf8.Length);
    }

    /// <summary>&lt;name&gt;</summary>
    public void StartElement(ReadOnlySpan<byte> name)
    {
        Raw("<"u8);
        Raw(name);
        Raw(">"u8);
    }

    /// <summary>&lt;/name&gt;</summary>
    public void EndElement(ReadOnlySpan<byte> name)
    {
        Raw("</"u8);
        Raw(name);
        Raw(">"u8);
    }

    /// <summary>&lt;cwmp:Method&gt;</summary>
    public void StartRpc(string methodName)
    {
        Raw("<cwmp:"u8);
        Utf8Name(methodName);
        Raw(">"u8);
    }

    /// <summary>&lt;/cwmp:Method&gt;</summary>
    public void EndRpc(string methodName)
    {
        Raw("</cwmp:"u8);
        Utf8Name(methodName);
        Raw(">"u8);
    }

    /// <summary>&lt;name soap-enc:arrayType="itemType[count]"&gt;</summary>
    public void StartArray(ReadOnlySpan<byte> name, ReadOnlySpan<byte> itemType, int count)
    {
        Raw("<"u8);
        Raw(name);
        Raw(" soap-enc:arrayType=\""u8);
        Raw(itemType);
        Raw("["u8);
        Integer(count);
        Raw("]\">"u8);
    }

    public void Element(ReadOnlySpan<byte> name, string value)
    {
        StartElement(name);
        Text(value);
        EndElement(name);
    }

    public void Element(ReadOnlySpan<byte> name, long value)
    {
        StartElement(name);
        Integer(value);
        EndElement(name);
    }

    public void Element(ReadOnlySpan<byte> name, ulong value)
    {
        StartElement(name);
        Span<byte> span = _output.GetSpan(20);
        Utf8Formatter.TryFormat(value, span, out int written);
        _output.Advance(written);
        EndElement(name);
    }

    public void Element(ReadOnlySpan<byte> name, bool value)
    {
        StartElement(name);
        Boolean(value);
        EndElement(name);
    }

    public void Element(ReadOnlySpan<byte> name, CwmpDateTime value)
    {
        StartElement(name);
        Text(value.Format(Options.DateTimeFractions));
        EndElement(name);
    }

    /// <summary>An element written only when the value is present (schema minOccurs="0").</summary>
    public void OptionalElement(ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            Element(name, value);
        }
    }

    /// <summary>&lt;Value xsi:type="type"&gt;value&lt;/Value&gt;</summary>
    public void TypedValue(string value, string xsiType)
    {
        Raw("<Value xsi:type=\""u8);
        Text(xsiType);
        Raw("\">"u8);
        // A CPE that cannot read the words true/false cannot read them in a boolean parameter value either.
        if (Options.BooleansAsDigits && xsiType == XsiTypes.Boolean && CwmpElementReader.TryParseBool(value.Trim(), out bool flag))
        {
            Boolean(flag);
        }
        else
        {
            Text(value);
        }

        Raw("</Value>"u8);
    }

    /// <summary>An xsd:string[] array of &lt;string&gt; items.</summary>
    public void StringArray(ReadOnlySpan<byte> name, EquatableArray<string> items)
    {
        StartArray(name, "xsd:string"u8, items.Count);
        foreach (string item in items)
        {
            Element("string"u8, item);
        }

        EndElement(name);
    }

    /// <summary>An array of structs, each written by <paramref name="writeItem"/> (which writes its own element).</summary>
    public void StructArray<T>(ReadOnlySpan<byte> name, ReadOnlySpan<byte> itemType, EquatableArray<T> items, Action<CwmpXmlWriter, T> writeItem)
    {
        StartArray(name, itemType, items.Count);
        foreach (T item in items)
        {
            writeItem(this, item);
        }

        EndElement(name);
    }

    public void Boolean(bool value) =>
        Raw(Options.BooleansAsDigits ? (value ? "1"u8 : "0"u8) : (value ? "true"u8 : "false"u8));

    public void Integer(long value)
    {
        Span<byte> span = _output.GetSpan(20);
        Utf8Formatter.TryFormat(value, span, out int written);
        _output.Advance(written);
    }

    /// <summary>Escaped character data (also safe inside a double-quoted attribute).</summary>
    public void Text(string value)
    {
        ReadOnlySpan<char> rest = value;
        while (!rest.IsEmpty)
        {
            int special = rest.IndexOfAny(NeedsEscape);
            if (special < 0)
            {
                Utf8(rest);
                return;
            }

            Utf8(rest[..special]);
            int consumed = 1;
            switch (rest[special])
            {
                case '&': Raw("&amp;"u8); break;
                case '<': Raw("&lt;"u8); break;
                case '>': Raw("&gt;"u8); break;
                case '"': Raw("&quot;"u8); break;
                case '\r': Raw("&#13;"u8); break;
                default:
                    if (XmlCharacters.IsValidAt(rest, special, out consumed))
                    {
                        Utf8(rest.Slice(special, consumed));
                    }

                    break;
            }

            rest = rest[(special + consumed)..];
        }
    }

    private void Utf8(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        Span<byte> span = _output.GetSpan(max);
        int written = Encoding.UTF8.GetBytes(text, span);
        _output.Advance(written);
    }

    // Known method names are ASCII; an unknown one (UnknownMessage) may be any XML name, so encode as UTF-8.
    private void Utf8Name(string name)
    {
        Span<byte> span = _output.GetSpan(Encoding.UTF8.GetMaxByteCount(name.Length));
        int written = Encoding.UTF8.GetBytes(name, span);
        _output.Advance(written);
    }

    private static string BuildSlowPathCharacters()
    {
        var builder = new StringBuilder("&<>\"\r\uFFFE\uFFFF");
        for (char c = '\u0000'; c < '\u0020'; c++)
        {
            if (c is not '\t' and not '\n' and not '\r')
            {
                builder.Append(c);
            }
        }

        for (char c = '\uD800'; c <= '\uDFFF'; c++)
        {
            builder.Append(c);
        }

        return builder.ToString();
    }
}
