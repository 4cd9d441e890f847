using System.Net;

namespace Cwmp.Swarm.Http;

/// <summary>
/// The swarm sends traffic to this machine only: every URL it would contact (the ACS, download and upload servers,
/// diagnostics targets) must name a loopback address (127.0.0.0/8, ::1) or "localhost". Anything else is refused
/// before a socket is opened, whatever the ACS asks for.
/// </summary>
internal static class LoopbackGuard
{
    public static bool IsLoopback(Uri uri) => TryGetLoopbackAddress(uri, out _);

    /// <summary>The address to connect to; "localhost" is mapped to 127.0.0.1 without asking a resolver.</summary>
    public static bool TryGetLoopbackAddress(Uri uri, out IPAddress address)
    {
        address = IPAddress.None;
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        string host = uri.IdnHost.Trim('[', ']');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = IPAddress.Loopback;
            return true;
        }

        if (IPAddress.TryParse(host, out IPAddress? parsed) && IPAddress.IsLoopback(parsed))
        {
            address = parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4() : parsed;
            return true;
        }

        return false;
    }

    public static bool TryParseLoopback(string url, out Uri uri) =>
        Uri.TryCreate(url, UriKind.Absolute, out uri!) && IsLoopback(uri);

    /// <summary>Throws unless the URL is a loopback http(s) URL; used at start-up for the ACS URL.</summary>
    public static Uri Require(string url, string what)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri))
        {
            throw new ArgumentException($"{what} '{url}' is not an absolute URL.");
        }

        if (!IsLoopback(uri))
        {
            throw new ArgumentException($"{what} '{url}' is not on loopback: the swarm only ever targets 127.0.0.0/8, ::1 or localhost.");
        }

        return uri;
    }
}
