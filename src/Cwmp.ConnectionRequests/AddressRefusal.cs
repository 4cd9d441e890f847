namespace Cwmp.ConnectionRequests;

/// <summary>Why the address policy refuses an IP address (<see cref="None"/>: it does not).</summary>
internal enum AddressRefusal
{
    None,
    Unspecified,
    Loopback,
    LinkLocal,
    CloudMetadata,
    Multicast,
    Reserved,
    PrivateNetwork,
    DeniedNetwork,
}
