using System.Text;
using Microsoft.Net.Http.Headers;

namespace Cwmp.Gateway.Http;

/// <summary>
/// The charset a Content-Type names (checklist §6.2). None, or one .NET does not know, gives null: the XML
/// declaration (or UTF-8) then decides.
/// </summary>
internal static class CharsetResolver
{
    public static Encoding? FromContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? mediaType))
        {
            return null;
        }

        string? charset = HeaderUtilities.RemoveQuotes(mediaType.Charset).ToString().Trim();
        if (string.IsNullOrEmpty(charset))
        {
            return null;
        }

        // "utf8" is a common misspelling that Encoding.GetEncoding does not know.
        if (charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(charset);
        }
    }
}
