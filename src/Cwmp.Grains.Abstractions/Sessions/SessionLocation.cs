namespace Cwmp.Grains;

/// <summary>What <see cref="ISessionLocatorGrain.FindAsync"/> found.</summary>
/// <param name="Status">None, exactly one, or several (behind carrier-grade NAT: never guess then).</param>
/// <param name="DeviceKey">The device, when exactly one session is open.</param>
/// <param name="SessionId">Its session, when exactly one session is open.</param>
/// <param name="OpenSessions">How many sessions are open from the address.</param>
[GenerateSerializer, Immutable, Alias("cwmp.SessionLocation")]
public sealed record SessionLocation(
    [property: Id(0)] SessionLocationStatus Status,
    [property: Id(1)] string? DeviceKey,
    [property: Id(2)] string? SessionId,
    [property: Id(3)] int OpenSessions)
{
    public static SessionLocation None { get; } = new(SessionLocationStatus.None, null, null, 0);
}

/// <summary>The outcome of a session lookup by address.</summary>
[GenerateSerializer, Alias("cwmp.SessionLocationStatus")]
public enum SessionLocationStatus
{
    /// <summary>No open session from the address.</summary>
    None = 0,

    /// <summary>Exactly one: <see cref="SessionLocation.DeviceKey"/> and <see cref="SessionLocation.SessionId"/> say which.</summary>
    Found = 1,

    /// <summary>Several devices have a session open from the address: the POST cannot be routed safely.</summary>
    Ambiguous = 2,
}
