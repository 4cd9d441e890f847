using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cwmp.Swarm.Http;

/// <summary>
/// The CPE's side of HTTP authentication for one session: answers a Basic or Digest (MD5, MD5-sess, qop=auth)
/// challenge and, once challenged, authenticates every later request of the session pre-emptively, counting nc up
/// on the same nonce until the ACS challenges again.
/// </summary>
internal sealed class ClientAuthenticator(string username, string password)
{
    private string? _scheme;
    private Dictionary<string, string>? _challenge;
    private int _nonceCount;

    public bool HasCredentials => _scheme is not null;

    /// <summary>Takes the ACS's challenges; false when none is one the CPE can answer.</summary>
    public bool Accept(IEnumerable<string> wwwAuthenticate)
    {
        string? basic = null;
        foreach (string header in wwwAuthenticate)
        {
            (string scheme, Dictionary<string, string> parameters) = AuthParameters.ParseHeader(header);
            if (scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase) && parameters.ContainsKey("nonce"))
            {
                string algorithm = parameters.GetValueOrDefault("algorithm", "MD5");
                if (!algorithm.Equals("MD5", StringComparison.OrdinalIgnoreCase) && !algorithm.Equals("MD5-sess", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                _scheme = "Digest";
                _challenge = parameters;
                _nonceCount = 0;
                return true;
            }

            if (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
            {
                basic = header;
            }
        }

        if (basic is null)
        {
            return false;
        }

        _scheme = "Basic";
        _challenge = null;
        return true;
    }

    /// <summary>The Authorization header for the next request, or null before any challenge.</summary>
    public string? Authorize(string method, string uri)
    {
        if (_scheme == "Basic")
        {
            return "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));
        }

        if (_scheme != "Digest" || _challenge is null)
        {
            return null;
        }

        string realm = _challenge.GetValueOrDefault("realm", string.Empty);
        string nonce = _challenge["nonce"];
        string algorithm = _challenge.GetValueOrDefault("algorithm", "MD5");
        string? qop = _challenge.TryGetValue("qop", out string? offered)
            && offered.Split(',', StringSplitOptions.TrimEntries).Contains("auth", StringComparer.OrdinalIgnoreCase) ? "auth" : null;
        string nc = (++_nonceCount).ToString("x8", CultureInfo.InvariantCulture);
        string cnonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        string response = DigestMath.Response(algorithm, username, realm, password, nonce, cnonce, nc, qop, method, uri);
        var header = new StringBuilder(256);
        header.Append("Digest username=\"").Append(Quote(username)).Append("\", realm=\"").Append(Quote(realm))
            .Append("\", nonce=\"").Append(Quote(nonce)).Append("\", uri=\"").Append(Quote(uri))
            .Append("\", algorithm=").Append(algorithm).Append(", response=\"").Append(response).Append('"');
        if (_challenge.TryGetValue("opaque", out string? opaque))
        {
            header.Append(", opaque=\"").Append(Quote(opaque)).Append('"');
        }

        if (qop is not null)
        {
            header.Append(", qop=auth, nc=").Append(nc).Append(", cnonce=\"").Append(cnonce).Append('"');
        }

        return header.ToString();
    }

    private static string Quote(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
