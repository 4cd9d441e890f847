namespace Cwmp.Grains.Provisioning;

/// <summary>What preset criteria look at: the device's identity, versions, tags, subscriber and parameter values.</summary>
internal sealed record DeviceFacts(
    string? Oui,
    string? Manufacturer,
    string? ProductClass,
    string? SoftwareVersion,
    string? HardwareVersion,
    IReadOnlyCollection<string> Tags,
    string? SubscriberId,
    Func<string, string?> ValueOf);
