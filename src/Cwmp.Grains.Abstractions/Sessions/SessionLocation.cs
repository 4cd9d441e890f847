namespace Cwmp.Grains;

/// <summary>An open session that <see cref="ISessionLocatorGrain"/> found for an address.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.SessionLocation")]
public sealed record SessionLocation([property: Id(0)] string DeviceKey, [property: Id(1)] string SessionId);
