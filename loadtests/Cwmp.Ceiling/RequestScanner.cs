namespace Cwmp.Ceiling;

/// <summary>
/// The only look the ceiling takes into a request body: is it empty, is it an Inform, its cwmp:ID, and the minor
/// version of its cwmp namespace. Byte searches, no XML parsing: the ceiling measures HTTP, not CWMP.
/// </summary>
internal static class RequestScanner
{
    public const int MaxIdBytes = 256;

    /// <summary>Whitespace only (or nothing): the CPE's empty POST.</summary>
    public static bool IsEmptyPost(ReadOnlySpan<byte> body) => body.IndexOfAnyExcept(" \t\r\n"u8) < 0;

    /// <summary>An element named Inform in some prefix ("&lt;cwmp:Inform&gt;", "&lt;ns1:Inform ...").</summary>
    public static bool IsInform(ReadOnlySpan<byte> body) => FindElement(body, ":Inform"u8) >= 0;

    /// <summary>The minor version of "urn:dslforum-org:cwmp-1-N" (2 when absent, the most common).</summary>
    public static int NamespaceMinorVersion(ReadOnlySpan<byte> body)
    {
        ReadOnlySpan<byte> prefix = "urn:dslforum-org:cwmp-1-"u8;
        int at = body.IndexOf(prefix);
        return at >= 0 && at + prefix.Length < body.Length && body[at + prefix.Length] is >= (byte)'0' and <= (byte)'4'
            ? body[at + prefix.Length] - '0'
            : 2;
    }

    /// <summary>The text of the first prefixed ID element (the header's cwmp:ID), as it was written; false when there is none.</summary>
    public static bool TryFindId(ReadOnlySpan<byte> body, out Range id)
    {
        id = default;
        int element = FindElement(body, ":ID"u8);
        if (element < 0)
        {
            return false;
        }

        int close = body[element..].IndexOf((byte)'>');
        if (close < 0)
        {
            return false;
        }

        int start = element + close + 1;
        int length = body[start..].IndexOf((byte)'<');
        if (length < 0 || length > MaxIdBytes)
        {
            return false;
        }

        id = start..(start + length);
        return true;
    }

    /// <summary>Where ":Name" is followed by '&gt;', '/' or whitespace (so ":ID" does not match ":IDx"), else -1.</summary>
    private static int FindElement(ReadOnlySpan<byte> body, ReadOnlySpan<byte> name)
    {
        int offset = 0;
        while (true)
        {
            int at = body[offset..].IndexOf(name);
            if (at < 0)
            {
                return -1;
            }

            int end = offset + at + name.Length;
            if (end < body.Length && body[end] is (byte)'>' or (byte)'/' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                return offset + at;
            }

            offset = end;
        }
    }
}
