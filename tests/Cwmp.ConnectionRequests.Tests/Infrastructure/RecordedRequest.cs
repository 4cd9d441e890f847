namespace Cwmp.ConnectionRequests.Tests.Infrastructure;

/// <summary>One request as the test CPE received it.</summary>
/// <param name="Method">The request method.</param>
/// <param name="Target">The request target (path and query).</param>
/// <param name="Version">The HTTP version of the request line.</param>
/// <param name="Headers">Header lines, names as sent.</param>
/// <param name="BodyLength">Bytes of body announced by Content-Length (0 when absent).</param>
/// <param name="Connection">The number of the TCP connection it came on (1, 2, …).</param>
/// <param name="AuthorizationValid">Whether its credentials were correct; null when it carried none.</param>
internal sealed record RecordedRequest(
    string Method,
    string Target,
    string Version,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    int BodyLength,
    int Connection,
    bool? AuthorizationValid)
{
    public string? Header(string name) =>
        Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
}
