using System.Text;

namespace Cwmp.ConnectionRequests;

/// <summary>
/// Reads WWW-Authenticate values (RFC 9110 §11.6.1): one or more challenges separated by commas, each a scheme and
/// comma-separated name=value parameters whose values may be quoted strings with backslash escapes. Written by hand
/// because CPE servers produce headers that the strict parser in System.Net.Http drops (unquoted values with
/// spaces, stray commas), and because the parameter list is needed, not just the scheme.
/// </summary>
internal static class AuthenticationChallengeParser
{
    public static List<AuthenticationChallenge> Parse(IEnumerable<string> headerValues)
    {
        var challenges = new List<AuthenticationChallenge>();
        foreach (string value in headerValues)
        {
            ParseOne(value, challenges);
        }

        return challenges;
    }

    private static void ParseOne(string text, List<AuthenticationChallenge> challenges)
    {
        Dictionary<string, string>? current = null;
        int pos = 0;
        while (true)
        {
            while (pos < text.Length && (text[pos] == ',' || char.IsWhiteSpace(text[pos])))
            {
                pos++;
            }

            if (pos >= text.Length)
            {
                return;
            }

            int start = pos;
            while (pos < text.Length && text[pos] != ',' && text[pos] != '=' && !char.IsWhiteSpace(text[pos]))
            {
                pos++;
            }

            string token = text[start..pos];
            int afterToken = pos;
            while (pos < text.Length && char.IsWhiteSpace(text[pos]))
            {
                pos++;
            }

            if (pos < text.Length && text[pos] == '=' && token.Length > 0)
            {
                pos++;
                string value = ReadValue(text, ref pos);
                current?.TryAdd(token.ToLowerInvariant(), value);
                continue;
            }

            if (token.Length == 0)
            {
                // A lone '=' (token68 padding of a scheme we do not use): skip it.
                pos = afterToken + 1;
                continue;
            }

            current = new Dictionary<string, string>(StringComparer.Ordinal);
            challenges.Add(new AuthenticationChallenge(token, current));
        }
    }

    private static string ReadValue(string text, ref int pos)
    {
        while (pos < text.Length && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }

        if (pos < text.Length && text[pos] == '"')
        {
            pos++;
            var builder = new StringBuilder();
            while (pos < text.Length && text[pos] != '"')
            {
                if (text[pos] == '\\' && pos + 1 < text.Length)
                {
                    pos++;
                }

                builder.Append(text[pos++]);
            }

            pos++;
            return builder.ToString();
        }

        int start = pos;
        while (pos < text.Length && text[pos] != ',')
        {
            pos++;
        }

        return text[start..pos].Trim();
    }
}
