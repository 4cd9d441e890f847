namespace Cwmp.Grains;

/// <summary>Settings of <see cref="RedisParameterStore"/>.</summary>
public sealed class RedisParameterStoreOptions
{
    /// <summary>The key of a device's hash is this prefix followed by the device key.</summary>
    public string KeyPrefix { get; set; } = "cwmp:params:";

    /// <summary>The Redis database number; -1 is the connection's default.</summary>
    public int Database { get; set; } = -1;
}
