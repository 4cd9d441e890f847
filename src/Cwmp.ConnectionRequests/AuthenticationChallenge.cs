namespace Cwmp.ConnectionRequests;

/// <summary>One challenge from a WWW-Authenticate header: the scheme and its parameters (names in lower case).</summary>
internal sealed record AuthenticationChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters);
