using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Cwmp.ConnectionRequests;

/// <summary>A parsed UDPConnectionRequestAddress.</summary>
/// <param name="Host">The host to resolve (an IPv6 literal without brackets).</param>
/// <param name="Port">The UDP port.</param>
/// <param name="Authority">"host:port" as it goes into the datagram's request line and Host header.</param>
internal sealed record UdpTargetAddress(string Host, int Port, string Authority)
{
    /// <summary>A missing port is taken as 80, the default of the http URL that the datagram's request line carries.</summary>
    private const int DefaultPort = 80;

    /// <summary>Accepts "host:port", "1.2.3.4:port", "[v6]:port", and the same without the port.</summary>
    public static UdpTargetAddress? TryParse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        string text = value.Trim();
        string host;
        int port = DefaultPort;
        if (text.StartsWith('['))
        {
            int close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return null;
            }

            host = text[1..close];
            string rest = text[(close + 1)..];
            if (rest.Length > 0 && (!rest.StartsWith(':') || !TryPort(rest[1..], out port)))
            {
                return null;
            }

            if (!IPAddress.TryParse(host, out IPAddress? v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return null;
            }
        }
        else if (text.Count(c => c == ':') > 1)
        {
            // A bare IPv6 literal has no room for a port.
            if (!IPAddress.TryParse(text, out IPAddress? v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return null;
            }

            host = text;
        }
        else
        {
            int colon = text.IndexOf(':', StringComparison.Ordinal);
            host = colon < 0 ? text : text[..colon];
            if (colon >= 0 && !TryPort(text[(colon + 1)..], out port))
            {
                return null;
            }

            if (Uri.CheckHostName(host) is not (UriHostNameType.Dns or UriHostNameType.IPv4))
            {
                return null;
            }
        }

        string authority = host.Contains(':', StringComparison.Ordinal)
            ? $"[{host}]:{port.ToString(CultureInfo.InvariantCulture)}"
            : $"{host}:{port.ToString(CultureInfo.InvariantCulture)}";
        return new UdpTargetAddress(host, port, authority);
    }

    private static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and <= 65535;
}
