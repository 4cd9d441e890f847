using System.Globalization;
using System.Text;

namespace Cwmp.Swarm.DataModel;

/// <summary>
/// Resolves the {token}s of template defaults for one device. Nothing is cached: a device that was never changed
/// stores no values at all, and its values are computed when an Inform or a GetParameterValues needs them.
/// </summary>
internal static class TokenExpander
{
    public static string Expand(ParameterDefinition definition, string name, DeviceTemplate template, IDeviceFacts facts) =>
        definition.HasTokens ? Expand(definition.Default, name, template, facts) : definition.Default;

    public static string Expand(string text, string name, DeviceTemplate template, IDeviceFacts facts)
    {
        int open = text.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 32);
        int position = 0;
        while (open >= 0)
        {
            int close = text.IndexOf('}', open);
            if (close < 0)
            {
                break;
            }

            builder.Append(text, position, open - position);
            builder.Append(Resolve(text.AsSpan(open + 1, close - open - 1), name, template, facts));
            position = close + 1;
            open = text.IndexOf('{', position);
        }

        builder.Append(text, position, text.Length - position);
        return builder.ToString();
    }

    private static string Resolve(ReadOnlySpan<char> token, string name, DeviceTemplate template, IDeviceFacts facts)
    {
        TemplateIdentity identity = template.Identity;
        switch (token)
        {
            case "serial": return facts.SerialNumber;
            case "serial4": return facts.SerialNumber[^4..];
            case "manufacturer": return identity.Manufacturer;
            case "oui": return identity.Oui;
            case "productclass": return identity.ProductClass;
            case "softwareversion": return identity.SoftwareVersion;
            case "uptime": return facts.UptimeSeconds.ToString(CultureInfo.InvariantCulture);
            case "now": return facts.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            case "acsurl": return facts.AcsUrl;
            case "acsuser": return facts.AcsUsername;
            case "acspass": return facts.AcsPassword;
            case "crurl": return facts.ConnectionRequestUrl;
            case "cruser": return facts.ConnectionRequestUsername;
            case "crpass": return facts.ConnectionRequestPassword;
            case "udpcr": return facts.UdpConnectionRequestAddress;
            case "interval": return facts.DefaultPeriodicInterval.ToString(CultureInfo.InvariantCulture);
            case "instance": return ParameterPath.InnermostInstance(name).ToString(CultureInfo.InvariantCulture);
            case "wanip": return WanAddress(facts.Index, 1);
            case "wangw": return WanGateway(facts.Index);
            case "counter": return Counter(facts, name);
            case "mac": return Mac(identity.Oui, facts.Index, 0);
            default: break;
        }

        if (token.StartsWith("mac+") && int.TryParse(token[4..], NumberStyles.None, CultureInfo.InvariantCulture, out int offset))
        {
            return Mac(identity.Oui, facts.Index, offset);
        }

        if (token.StartsWith("hostmac") && int.TryParse(token[7..], NumberStyles.None, CultureInfo.InvariantCulture, out int host))
        {
            // The last three octets of a LAN host's MAC (the first three, a vendor's OUI, are in the template).
            uint bits = Mix((uint)facts.Index, (uint)host) & 0xFFFFFF;
            return string.Create(CultureInfo.InvariantCulture, $"{bits >> 16:X2}:{(bits >> 8) & 0xFF:X2}:{bits & 0xFF:X2}");
        }

        return "{" + token.ToString() + "}";
    }

    /// <summary>The device's MAC: its OUI, then 24 bits from the index, spaced by 8 so that offsets stay unique.</summary>
    public static string Mac(string oui, int index, int offset)
    {
        uint low = (uint)((index * 8L + offset) & 0xFFFFFF);
        return string.Create(CultureInfo.InvariantCulture, $"{oui[..2]}:{oui[2..4]}:{oui[4..6]}:{low >> 16:X2}:{(low >> 8) & 0xFF:X2}:{low & 0xFF:X2}");
    }

    /// <summary>A carrier-grade NAT address (100.64.0.0/10), unique per device index; a value only, never a target.</summary>
    public static string WanAddress(int index, int host)
    {
        uint n = (uint)index * 4 + (uint)host;
        return string.Create(CultureInfo.InvariantCulture, $"100.{64 + ((n >> 16) & 63)}.{(n >> 8) & 0xFF}.{n & 0xFF}");
    }

    private static string WanGateway(int index) => WanAddress(index & ~0xFF, 1);

    /// <summary>Statistics counters that grow with uptime at a per-device, per-parameter rate.</summary>
    private static string Counter(IDeviceFacts facts, string name)
    {
        uint rate = Mix((uint)facts.Index, (uint)StringComparer.Ordinal.GetHashCode(name)) % 5000;
        long value = facts.UptimeSeconds * rate;
        return (name.Contains("Error", StringComparison.Ordinal) || name.Contains("Discard", StringComparison.Ordinal)
            ? value / 100_000
            : value % 4_294_967_295).ToString(CultureInfo.InvariantCulture);
    }

    private static uint Mix(uint a, uint b)
    {
        uint h = (a * 0x9E3779B1u) ^ (b + 0x7F4A7C15u + (a << 6) + (a >> 2));
        h ^= h >> 16;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        return h;
    }
}
