namespace Cwmp.Gateway;

/// <summary>HTTP, session and admission settings of the CWMP endpoint (configuration section "Cwmp:Gateway").</summary>
public sealed class CwmpGatewayOptions
{
    public const string SectionName = "Cwmp:Gateway";

    /// <summary>
    /// Largest body accepted, in bytes, after content decoding (so that a small gzip bomb is refused as soon as it
    /// inflates past the limit). Beyond it: 413.
    /// </summary>
    public int MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Most sessions this gateway admits at once; a new Inform beyond it gets 503. Zero or less: no limit.</summary>
    public int MaxConcurrentSessions { get; set; } = 10_000;

    /// <summary>The shortest Retry-After sent with a 503.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A random extra (0 to this) added to <see cref="RetryAfter"/>, so that CPEs turned away together do not all come
    /// back in the same second.
    /// </summary>
    public TimeSpan RetryAfterJitter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Silence after which this gateway stops counting a session it admitted (a CPE that vanished without the final
    /// empty POST). A longer SessionTimeout header in the CPE's Inform wins, up to <see cref="MaxSessionTimeout"/>.
    /// </summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest SessionTimeout a CPE may ask for in its Inform.</summary>
    public TimeSpan MaxSessionTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Remember the session of each TCP connection (for CPEs that drop cookies but keep the connection) and the
    /// identity it authenticated (for CPEs that authenticate once per connection). Turn off behind a proxy that
    /// multiplexes several clients over one upstream connection.
    /// </summary>
    public bool UseConnectionAffinity { get; set; } = true;

    /// <summary>Register open sessions with <c>ISessionLocatorGrain</c> (key = remote address) and fall back to it.</summary>
    public bool UseSessionLocator { get; set; } = true;

    /// <summary>How long the locator keeps a registration; the gateway refreshes it when half of it has passed.</summary>
    public TimeSpan SessionLocatorTtl { get; set; } = TimeSpan.FromMinutes(2);
}
