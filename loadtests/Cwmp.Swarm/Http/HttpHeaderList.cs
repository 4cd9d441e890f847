namespace Cwmp.Swarm.Http;

/// <summary>Response headers as received, in order; names compared case-insensitively, repeats kept (Set-Cookie).</summary>
internal sealed class HttpHeaderList
{
    private readonly List<KeyValuePair<string, string>> _items = [];

    public void Add(string name, string value) => _items.Add(new(name, value));

    public string? Get(string name)
    {
        foreach (KeyValuePair<string, string> item in _items)
        {
            if (string.Equals(item.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return item.Value;
            }
        }

        return null;
    }

    public IEnumerable<string> GetAll(string name)
    {
        foreach (KeyValuePair<string, string> item in _items)
        {
            if (string.Equals(item.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                yield return item.Value;
            }
        }
    }
}
