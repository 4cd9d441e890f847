namespace Cwmp.Swarm.Cpe;

/// <summary>The cookies of one session: stored from Set-Cookie, sent back as name=value pairs, dropped at its end.</summary>
internal sealed class SessionCookies
{
    private List<KeyValuePair<string, string>>? _cookies;

    public string? Header => _cookies is null ? null : string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value));

    public void Store(IEnumerable<string> setCookieHeaders)
    {
        foreach (string header in setCookieHeaders)
        {
            string pair = header.Split(';', 2)[0];
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            string name = pair[..eq].Trim();
            string value = pair[(eq + 1)..].Trim();
            _cookies ??= [];
            _cookies.RemoveAll(c => c.Key == name);
            if (!header.Contains("Max-Age=0", StringComparison.OrdinalIgnoreCase))
            {
                _cookies.Add(new(name, value));
            }
        }
    }
}
