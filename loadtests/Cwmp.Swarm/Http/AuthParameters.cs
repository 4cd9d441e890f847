namespace Cwmp.Swarm.Http;

/// <summary>Parses the auth-param list of a challenge or credentials: <c>key=token, key="quoted \" string"</c>.</summary>
internal static class AuthParameters
{
    public static Dictionary<string, string> Parse(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ',' || char.IsWhiteSpace(text[i])))
            {
                i++;
            }

            int eq = text.IndexOf('=', i);
            if (eq < 0)
            {
                break;
            }

            string key = text[i..eq].Trim();
            i = eq + 1;
            string value;
            if (i < text.Length && text[i] == '"')
            {
                var builder = new System.Text.StringBuilder();
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    builder.Append(text[i++]);
                }

                i++;
                value = builder.ToString();
            }
            else
            {
                int comma = text.IndexOf(',', i);
                int end = comma < 0 ? text.Length : comma;
                value = text[i..end].Trim();
                i = end;
            }

            result[key] = value;
        }

        return result;
    }

    /// <summary>Splits "Digest a=b, c=d" into its scheme and parameters.</summary>
    public static (string Scheme, Dictionary<string, string> Parameters) ParseHeader(string header)
    {
        string trimmed = header.Trim();
        int space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space < 0
            ? (trimmed, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase))
            : (trimmed[..space], Parse(trimmed[(space + 1)..]));
    }
}
