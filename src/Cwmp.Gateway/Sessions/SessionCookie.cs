using Cwmp.Protocol;
using Microsoft.Extensions.Primitives;

namespace Cwmp.Gateway.Sessions;

/// <summary>
/// The session cookie <c>cwmp-session=&lt;device key&gt;:&lt;session id&gt;</c>. Written and read by hand: the framework's
/// cookie helpers percent-encode the key a second time, and a CPE that echoes attributes back
/// (<c>Cookie: cwmp-session=…; Path=/; HttpOnly</c>) must not lose the cookie over it.
/// </summary>
internal static class SessionCookie
{
    public const string Name = "cwmp-session";

    /// <summary>The Set-Cookie value. Device keys are cookie-safe by construction; session ids are percent-encoded.</summary>
    public static string Format(string deviceKey, string sessionId, bool secure) =>
        $"{Name}={deviceKey}:{Uri.EscapeDataString(sessionId)}; Path=/; HttpOnly{(secure ? "; Secure" : string.Empty)}";

    /// <summary>
    /// The session of the Cookie headers: the last well-formed cwmp-session cookie (clients list older cookies first).
    /// </summary>
    public static bool TryRead(StringValues cookieHeaders, out string deviceKey, out string sessionId)
    {
        deviceKey = sessionId = string.Empty;
        bool found = false;
        foreach (string? header in cookieHeaders)
        {
            if (header is null)
            {
                continue;
            }

            foreach (string part in header.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (part.Length <= Name.Length || !part.StartsWith(Name, StringComparison.OrdinalIgnoreCase) || part[Name.Length] != '=')
                {
                    continue;
                }

                if (TryParseValue(part.AsSpan(Name.Length + 1).Trim().Trim('"'), out string key, out string session))
                {
                    (deviceKey, sessionId, found) = (key, session, true);
                }
            }
        }

        return found;
    }

    private static bool TryParseValue(ReadOnlySpan<char> value, out string deviceKey, out string sessionId)
    {
        deviceKey = sessionId = string.Empty;
        int colon = value.IndexOf(':');
        if (colon <= 0 || colon == value.Length - 1)
        {
            return false;
        }

        string key = value[..colon].ToString();
        if (!DeviceKey.TryParse(key, out _, out _, out _))
        {
            return false;
        }

        try
        {
            sessionId = Uri.UnescapeDataString(value[(colon + 1)..].ToString());
        }
        catch (UriFormatException)
        {
            return false;
        }

        deviceKey = key;
        return sessionId.Length > 0;
    }
}
