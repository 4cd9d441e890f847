namespace Cwmp.Gateway.Authentication;

/// <summary>The parameters of an <c>Authorization: Digest …</c> header (RFC 7616 §3.4).</summary>
internal sealed record DigestCredentials(
    string Username,
    string Realm,
    string Nonce,
    string Uri,
    string Response,
    string? Algorithm,
    string? Qop,
    string? NonceCount,
    string? ClientNonce)
{
    /// <summary>Parses the part after the scheme. Parameter names are case-insensitive; values quoted or not.</summary>
    public static DigestCredentials? TryParse(ReadOnlySpan<char> parameters)
    {
        string? username = null, realm = null, nonce = null, uri = null, response = null, algorithm = null, qop = null, nc = null, cnonce = null;
        int position = 0;
        while (TryReadParameter(parameters, ref position, out string? name, out string? value))
        {
            switch (name.ToUpperInvariant())
            {
                case "USERNAME": username = value; break;
                case "REALM": realm = value; break;
                case "NONCE": nonce = value; break;
                case "URI": uri = value; break;
                case "RESPONSE": response = value; break;
                case "ALGORITHM": algorithm = value; break;
                case "QOP": qop = value; break;
                case "NC": nc = value; break;
                case "CNONCE": cnonce = value; break;
                default: break;
            }
        }

        return position < 0 || username is null || nonce is null || response is null
            ? null
            : new DigestCredentials(username, realm ?? string.Empty, nonce, uri ?? "/", response, algorithm, qop, nc, cnonce);
    }

    // name=token | name="quoted \" string", separated by commas and whitespace. position becomes -1 on a syntax error.
    private static bool TryReadParameter(ReadOnlySpan<char> text, ref int position, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? name, out string? value)
    {
        name = value = null;
        if (position < 0)
        {
            return false;
        }

        while (position < text.Length && (text[position] == ',' || char.IsWhiteSpace(text[position])))
        {
            position++;
        }

        if (position >= text.Length)
        {
            return false;
        }

        int nameStart = position;
        while (position < text.Length && text[position] != '=' && text[position] != ',' && !char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        name = text[nameStart..position].ToString();
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        if (position >= text.Length || text[position] != '=' || name.Length == 0)
        {
            position = -1;
            return false;
        }

        position++;
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        if (position < text.Length && text[position] == '"')
        {
            var builder = new System.Text.StringBuilder();
            position++;
            while (position < text.Length && text[position] != '"')
            {
                if (text[position] == '\\' && position + 1 < text.Length)
                {
                    position++;
                }

                builder.Append(text[position++]);
            }

            if (position >= text.Length)
            {
                position = -1;
                return false;
            }

            position++;
            value = builder.ToString();
            return true;
        }

        int valueStart = position;
        while (position < text.Length && text[position] != ',' && !char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        value = text[valueStart..position].ToString();
        return true;
    }
}
