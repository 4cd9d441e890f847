namespace Cwmp.Swarm.Cpe;

/// <summary>Where jitter and fault-injection dice come from; tests substitute fixed values.</summary>
internal interface IRandomSource
{
    /// <summary>A value in [0, 1).</summary>
    double NextDouble();
}

/// <summary>The shared thread-safe generator.</summary>
internal sealed class SharedRandomSource : IRandomSource
{
    public static SharedRandomSource Instance { get; } = new();

    public double NextDouble() => Random.Shared.NextDouble();
}

/// <summary>Stable per-device choices (template, quirks, connection-request share) from the seed and the index.</summary>
internal static class DeviceHash
{
    /// <summary>A value in [0, 1) that depends only on the seed, the device and the purpose.</summary>
    public static double Unit(int seed, int index, int purpose)
    {
        ulong x = ((ulong)(uint)seed << 32) ^ (uint)index ^ ((ulong)(uint)purpose * 0x9E3779B97F4A7C15UL);
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return (x >> 11) * (1.0 / (1UL << 53));
    }
}
