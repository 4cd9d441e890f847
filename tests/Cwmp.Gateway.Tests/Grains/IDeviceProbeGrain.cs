namespace Cwmp.Gateway.Tests.Grains;

/// <summary>Test-only view into <see cref="ScriptedDeviceGrain"/>: what reached the grain.</summary>
public interface IDeviceProbeGrain : IGrainWithStringKey
{
    Task<DeviceProbe> GetProbeAsync();
}

[GenerateSerializer, Immutable]
public sealed record DeviceProbe(
    [property: Id(0)] int Posts,
    [property: Id(1)] IReadOnlyList<string> Methods,
    [property: Id(2)] IReadOnlyList<string?> SessionIds,
    [property: Id(3)] string? LastRemoteAddress,
    [property: Id(4)] string? LastAuthenticatedAs,
    [property: Id(5)] string? Manufacturer);
