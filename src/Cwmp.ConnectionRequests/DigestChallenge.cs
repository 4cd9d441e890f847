namespace Cwmp.ConnectionRequests;

/// <summary>A Digest challenge we can answer (RFC 7616 / RFC 2617).</summary>
/// <param name="Realm">The realm (empty when the CPE sent none).</param>
/// <param name="Nonce">The server nonce.</param>
/// <param name="Opaque">Echoed back unchanged when present.</param>
/// <param name="AlgorithmToken">The algorithm as the CPE wrote it, or null when it named none (MD5 then).</param>
/// <param name="UseSha256">SHA-256 instead of MD5.</param>
/// <param name="Session">The "-sess" variant: HA1 also covers the nonce and our cnonce.</param>
/// <param name="Qop">"auth", "auth-int" or null for the RFC 2069 form without qop.</param>
internal sealed record DigestChallenge(
    string Realm,
    string Nonce,
    string? Opaque,
    string? AlgorithmToken,
    bool UseSha256,
    bool Session,
    string? Qop)
{
    /// <summary>
    /// Picks the Digest challenge to answer: the first usable one, a SHA-256 one over an MD5 one. Unusable: no nonce,
    /// an unknown algorithm, or only qop values other than auth and auth-int.
    /// </summary>
    public static DigestChallenge? Select(IEnumerable<AuthenticationChallenge> challenges)
    {
        DigestChallenge? chosen = null;
        foreach (AuthenticationChallenge challenge in challenges)
        {
            if (!challenge.Scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            DigestChallenge? candidate = TryCreate(challenge.Parameters);
            if (candidate is not null && (chosen is null || (candidate.UseSha256 && !chosen.UseSha256)))
            {
                chosen = candidate;
            }
        }

        return chosen;
    }

    private static DigestChallenge? TryCreate(IReadOnlyDictionary<string, string> parameters)
    {
        if (!parameters.TryGetValue("nonce", out string? nonce))
        {
            return null;
        }

        parameters.TryGetValue("algorithm", out string? algorithm);
        bool sha256;
        bool session;
        switch (algorithm?.Trim().ToUpperInvariant())
        {
            case null or "MD5":
                (sha256, session) = (false, false);
                break;
            case "MD5-SESS":
                (sha256, session) = (false, true);
                break;
            case "SHA-256":
                (sha256, session) = (true, false);
                break;
            case "SHA-256-SESS":
                (sha256, session) = (true, true);
                break;
            default:
                return null;
        }

        string? qop = null;
        if (parameters.TryGetValue("qop", out string? offered))
        {
            string[] options = offered.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (options.Contains("auth", StringComparer.OrdinalIgnoreCase))
            {
                qop = "auth";
            }
            else if (options.Contains("auth-int", StringComparer.OrdinalIgnoreCase))
            {
                // A connection request has no body, so auth-int only adds the hash of the empty body.
                qop = "auth-int";
            }
            else
            {
                return null;
            }
        }

        return new DigestChallenge(
            parameters.TryGetValue("realm", out string? realm) ? realm : string.Empty,
            nonce,
            parameters.TryGetValue("opaque", out string? opaque) ? opaque : null,
            algorithm,
            sha256,
            session,
            qop);
    }
}
