using System.Security.Cryptography;
using System.Text;
using Cwmp.Protocol;
using Microsoft.Extensions.Options;

namespace Cwmp.Gateway.Authentication;

/// <summary>The credential policy of <see cref="CpeCredentialOptions"/>, read from configuration (reloads apply at once).</summary>
internal sealed class ConfigurationCpeCredentialStore(IOptionsMonitor<CwmpAuthOptions> options) : ICpeCredentialStore
{
    public ValueTask<CpeCredential?> FindAsync(string username, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Find(options.CurrentValue.Credentials, username));

    internal static CpeCredential? Find(CpeCredentialOptions policy, string username)
    {
        if (policy.Devices.TryGetValue(username, out string? own))
        {
            return new CpeCredential(username, own);
        }

        // Only a well-formed key may use the shared policies: anything else could smuggle separators into the lookups.
        if (!DeviceKey.TryParse(username, out string oui, out string productClass, out string serialNumber)
            || DeviceKey.Format(oui, productClass, serialNumber) != username)
        {
            return null;
        }

        string escapedOui = DeviceKey.Escape(oui);
        if (productClass.Length > 0 && policy.Products.TryGetValue($"{escapedOui}-{DeviceKey.Escape(productClass)}", out string? product))
        {
            return new CpeCredential(username, product);
        }

        if (policy.Products.TryGetValue(escapedOui, out string? vendor))
        {
            return new CpeCredential(username, vendor);
        }

        return string.IsNullOrEmpty(policy.DerivedSecret) ? null : new CpeCredential(username, Derive(policy.DerivedSecret, username));
    }

    /// <summary>The derived password of a device: lower-case hex of HMAC-SHA256(secret, device key), both UTF-8.</summary>
    internal static string Derive(string secret, string deviceKey) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(deviceKey)));
}
