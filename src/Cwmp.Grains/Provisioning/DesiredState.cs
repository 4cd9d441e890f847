using Cwmp.Grains.Presets;

namespace Cwmp.Grains.Provisioning;

/// <summary>
/// The matching presets merged into one desired state: for each parameter, object rule and notification, the
/// setting of the preset with the highest precedence (ties: the name that sorts last). Paths outside the device's
/// root ("InternetGatewayDevice." on a Device:2 CPE) are left out.
/// </summary>
internal sealed class DesiredState
{
    public Dictionary<string, ParameterSetting> Values { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ObjectInstanceRule> Objects { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Notifications { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TimeSpan> Refresh { get; } = new(StringComparer.Ordinal);

    /// <summary>Tag → true to add, false to remove.</summary>
    public Dictionary<string, bool> Tags { get; } = new(StringComparer.Ordinal);

    public (FirmwareTarget Target, string Preset)? Firmware { get; private set; }

    public bool RebootAfterChanges { get; private set; }

    public List<string> PresetNames { get; } = [];

    public bool IsEmpty => Values.Count == 0 && Objects.Count == 0 && Notifications.Count == 0 && Refresh.Count == 0 && Tags.Count == 0 && Firmware is null;

    /// <summary>Merges the presets, lowest precedence first so that a higher one overwrites.</summary>
    public static DesiredState Merge(IEnumerable<Preset> presets, string root)
    {
        var desired = new DesiredState();
        foreach (Preset preset in presets.OrderBy(p => p.Precedence).ThenBy(p => p.Name, StringComparer.Ordinal))
        {
            desired.Add(preset, root);
        }

        return desired;
    }

    public void Add(Preset preset, string root)
    {
        PresetNames.Add(preset.Name);
        PresetActions actions = preset.Actions;
        foreach (ParameterSetting value in actions.Values.Where(v => Under(v.Path, root)))
        {
            Values[value.Path] = value;
        }

        foreach (ObjectInstanceRule rule in actions.Objects.Where(o => Under(o.Table, root)))
        {
            Objects[rule.Identity] = rule;
        }

        foreach (NotificationSetting notification in actions.Notifications.Where(n => Under(n.Path, root)))
        {
            Notifications[notification.Path] = notification.Notification;
        }

        foreach (RefreshRule refresh in actions.Refresh.Where(r => Under(r.Path, root)))
        {
            Refresh[refresh.Path] = Refresh.TryGetValue(refresh.Path, out TimeSpan age) && age < refresh.MaxAge ? age : refresh.MaxAge;
        }

        foreach (string tag in actions.RemoveTags)
        {
            Tags[tag] = false;
        }

        foreach (string tag in actions.AddTags)
        {
            Tags[tag] = true;
        }

        if (actions.Firmware is { } firmware)
        {
            Firmware = (firmware, preset.Name);
        }

        RebootAfterChanges |= actions.Reboot;
    }

    private static bool Under(string path, string root) => path.StartsWith(root, StringComparison.Ordinal);
}
