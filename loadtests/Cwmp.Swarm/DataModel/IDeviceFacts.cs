namespace Cwmp.Swarm.DataModel;

/// <summary>
/// What makes one simulated device different from its template without being stored: values derived from its
/// index (serial number, MAC and WAN addresses), from the swarm's settings (ACS URL, credentials schemes,
/// connection-request endpoints) and from the clock (uptime).
/// </summary>
internal interface IDeviceFacts
{
    int Index { get; }

    string SerialNumber { get; }

    string DeviceKey { get; }

    string AcsUrl { get; }

    string AcsUsername { get; }

    string AcsPassword { get; }

    string ConnectionRequestUrl { get; }

    string ConnectionRequestUsername { get; }

    string ConnectionRequestPassword { get; }

    string UdpConnectionRequestAddress { get; }

    uint DefaultPeriodicInterval { get; }

    long UptimeSeconds { get; }

    DateTimeOffset Now { get; }
}
