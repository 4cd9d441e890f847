using System.Net;
using System.Net.Sockets;

namespace Cwmp.ConnectionRequests;

/// <summary>
/// Decides whether the ACS may send a packet to an address. A CPE chooses its own ConnectionRequestURL, so without
/// this a device (or anyone who can fake an Inform) could make the ACS call its own admin ports, the cloud metadata
/// service or hosts on the operator's management network. The check runs on the resolved address that is actually
/// used, so a hostname cannot smuggle a refused address past it.
/// </summary>
internal sealed class AddressPolicy
{
    private static readonly IPNetwork[] MetadataAddresses =
    [
        IPNetwork.Parse("169.254.169.254/32"),
        IPNetwork.Parse("169.254.170.2/32"),
        IPNetwork.Parse("100.100.100.200/32"),
        IPNetwork.Parse("fd00:ec2::254/128"),
    ];

    private static readonly IPNetwork[] PrivateNetworks =
    [
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fec0::/10"),
    ];

    private static readonly IPNetwork Nat64Prefix = IPNetwork.Parse("64:ff9b::/96");

    private readonly bool _allowLoopback;
    private readonly bool _allowLinkLocal;
    private readonly bool _allowCloudMetadata;
    private readonly bool _allowPrivateNetworks;
    private readonly IPNetwork[] _denied;

    public AddressPolicy(ConnectionRequestOptions options)
    {
        _allowLoopback = options.AllowLoopback;
        _allowLinkLocal = options.AllowLinkLocal;
        _allowCloudMetadata = options.AllowCloudMetadata;
        _allowPrivateNetworks = options.AllowPrivateNetworks;
        _denied = [.. options.DeniedNetworks.Select(n => IPNetwork.Parse(n))];
    }

    public AddressRefusal Check(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        else if (address.AddressFamily == AddressFamily.InterNetworkV6 && Nat64Prefix.Contains(address))
        {
            // A NAT64 translator forwards to the IPv4 address in the last 32 bits: judge that address.
            Span<byte> bytes = stackalloc byte[16];
            address.TryWriteBytes(bytes, out _);
            address = new IPAddress(bytes[12..]);
        }

        if (Contains(_denied, address))
        {
            return AddressRefusal.DeniedNetwork;
        }

        if (!_allowCloudMetadata && Contains(MetadataAddresses, address))
        {
            return AddressRefusal.CloudMetadata;
        }

        AddressRefusal refusal = address.AddressFamily == AddressFamily.InterNetwork ? ClassifyV4(address) : ClassifyV6(address);
        return refusal switch
        {
            AddressRefusal.Loopback when _allowLoopback => AddressRefusal.None,
            AddressRefusal.LinkLocal when _allowLinkLocal => AddressRefusal.None,
            AddressRefusal.PrivateNetwork when _allowPrivateNetworks => AddressRefusal.None,
            _ => refusal,
        };
    }

    private static AddressRefusal ClassifyV4(IPAddress address)
    {
        Span<byte> b = stackalloc byte[4];
        address.TryWriteBytes(b, out _);
        return b[0] switch
        {
            0 => AddressRefusal.Unspecified,
            127 => AddressRefusal.Loopback,
            169 when b[1] == 254 => AddressRefusal.LinkLocal,
            >= 224 and < 240 => AddressRefusal.Multicast,
            >= 240 => AddressRefusal.Reserved,
            _ => Contains(PrivateNetworks, address) ? AddressRefusal.PrivateNetwork : AddressRefusal.None,
        };
    }

    private static AddressRefusal ClassifyV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Any))
        {
            return AddressRefusal.Unspecified;
        }

        if (IPAddress.IsLoopback(address))
        {
            return AddressRefusal.Loopback;
        }

        if (address.IsIPv6LinkLocal)
        {
            return AddressRefusal.LinkLocal;
        }

        if (address.IsIPv6Multicast)
        {
            return AddressRefusal.Multicast;
        }

        return Contains(PrivateNetworks, address) ? AddressRefusal.PrivateNetwork : AddressRefusal.None;
    }

    private static bool Contains(IPNetwork[] networks, IPAddress address)
    {
        foreach (IPNetwork network in networks)
        {
            if (network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}
