namespace Cwmp.Grains.Devices;

/// <summary>
/// A task as stored in the device's state record: plain values, the protocol messages as their XML text
/// (<see cref="CwmpMessageXml"/>), so the record is readable in storage and any storage serializer can write it.
/// </summary>
[GenerateSerializer, Alias("cwmp.StoredTask")]
internal sealed class StoredTask
{
    [Id(0)] public string Id { get; set; } = string.Empty;

    /// <summary>The RPC name, for whoever reads the record.</summary>
    [Id(1)] public string Method { get; set; } = string.Empty;

    [Id(2)] public DeviceTaskState State { get; set; }

    [Id(3)] public int Attempts { get; set; }

    [Id(4)] public string Request { get; set; } = string.Empty;

    [Id(5)] public string? Response { get; set; }

    [Id(6)] public string? Fault { get; set; }

    [Id(7)] public DateTimeOffset CreatedAt { get; set; }

    [Id(8)] public DateTimeOffset? UpdatedAt { get; set; }

    [Id(9)] public string? Requester { get; set; }

    [Id(10)] public string? HeldBackInSession { get; set; }
}
