using System.Globalization;
using System.Text.Json;
using Cwmp.Files;
using Cwmp.Grains;
using Cwmp.Grains.Campaigns;
using Cwmp.Grains.Index;
using Cwmp.Nbi.Problems;
using Cwmp.Protocol;

namespace Cwmp.Nbi.Campaigns;

/// <summary>
/// Reads a campaign body (id, name, target, one action, rollout) field by field, naming every field at fault. What
/// needs a store (the firmware file exists, the target matches devices) is checked afterwards by the endpoint.
/// </summary>
internal static class CampaignRequestParser
{
    public const int MaxIdLength = 64;
    private const int MaxText = 256;
    private const int MaxDeviceKeys = 10_000;
    private const int MaxParameters = 1000;
    private static readonly TimeSpan MinDeadline = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxDeadline = TimeSpan.FromDays(90);

    public static CampaignRequest? Parse(JsonElement body, ValidationErrors errors)
    {
        JsonObjectReader? root = JsonObjectReader.Open(body, string.Empty, errors);
        if (root is null)
        {
            return null;
        }

        string? id = root.String("id", false, MaxIdLength);
        if (id is not null && !IsValidId(id))
        {
            root.Fail("id", $"'{id}' is not 1–{MaxIdLength} characters of [A-Za-z0-9._-] not starting with '.'");
        }

        string name = root.String("name", false, MaxText) ?? string.Empty;
        DeviceQuery? target = Target(root.Object("target", true));
        FirmwareRequest? firmware = Firmware(root.Object("firmware", false));
        List<CampaignParameter>? parameters = root.Objects("parameters", false, 1, MaxParameters, Parameter);
        if (!errors.Any && firmware is null && parameters is null)
        {
            root.Fail("firmware", "a campaign needs one action: firmware, or parameters");
        }
        else if (firmware is not null && parameters is not null)
        {
            root.Fail("parameters", "a campaign has one action: firmware or parameters, not both");
        }

        RolloutPolicy? rollout = Rollout(root.Object("rollout", false)) ?? (root.Has("rollout") ? null : new RolloutPolicy());
        root.RejectUnknown();
        return errors.Any || target is null || rollout is null
            ? null
            : new CampaignRequest(id, name, target, firmware, parameters ?? [], rollout);
    }

    public static bool IsValidId(string id) => id.Length <= MaxIdLength && FileNames.IsValid(id);

    private static DeviceQuery? Target(JsonObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        bool all = r.Bool("all") ?? false;
        var query = new DeviceQuery
        {
            Oui = r.String("oui", false, MaxText),
            ProductClass = r.String("productClass", false, MaxText),
            SoftwareVersion = r.String("softwareVersion", false, MaxText),
            HardwareVersion = r.String("hardwareVersion", false, MaxText),
            SubscriberId = r.String("subscriberId", false, MaxText),
            Tags = r.Strings("tags", false, 1, 100, DeviceTags.MaxLength, t => DeviceTags.IsValid(t) ? null : $"'{t}' is not a valid tag") ?? [],
            Online = r.Bool("online"),
            LastInformFrom = Time(r, "lastInformFrom"),
            LastInformTo = Time(r, "lastInformTo"),
            DeviceKeys = r.Strings("deviceKeys", false, 1, MaxDeviceKeys, MaxText, k => IsDeviceKey(k) ? null : $"'{k}' is not a device key (OUI-ProductClass-SerialNumber)") ?? [],
        };
        r.RejectUnknown();
        bool filtered = query.Oui is not null || query.ProductClass is not null || query.SoftwareVersion is not null || query.HardwareVersion is not null
            || query.SubscriberId is not null || query.Online is not null || query.LastInformFrom is not null || query.LastInformTo is not null
            || query.Tags.Count > 0 || query.DeviceKeys.Count > 0;
        if (filtered && all)
        {
            r.Fail("all", "is for a target without filters; drop it or the filters");
        }
        else if (!filtered && !all && !r.Errors.Any)
        {
            // An empty filter would be every device of the ACS: that has to be said, not forgotten.
            r.Fail("all", "the target has no filter: give one (oui, productClass, softwareVersion, tags, deviceKeys, …) or \"all\": true for every device");
        }

        if (query.LastInformFrom is { } from && query.LastInformTo is { } to && from >= to)
        {
            r.Fail("lastInformTo", "must be later than lastInformFrom");
        }

        return query;
    }

    private static FirmwareRequest? Firmware(JsonObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        string? file = r.String("file", true, FileNames.MaxLength);
        string? version = r.String("targetSoftwareVersion", false, MaxText);
        r.RejectUnknown();
        return file is null ? null : new FirmwareRequest(file, version);
    }

    private static CampaignParameter? Parameter(JsonObjectReader r)
    {
        string? name = r.String("name", true, MaxText);
        string? value = r.Scalar("value", true, 65_535);
        string type = r.String("type", false, 64) ?? "xsd:string";
        if (name is not null && (name.Length == 0 || name.EndsWith('.') || name.Any(char.IsWhiteSpace)))
        {
            r.Fail("name", $"'{name}' is not a full parameter name (an object path ends in '.')");
        }

        if (!type.StartsWith("xsd:", StringComparison.Ordinal))
        {
            r.Fail("type", $"'{type}' is not an XML Schema type (xsd:string, xsd:unsignedInt, xsd:boolean, …)");
        }

        return name is null || value is null || r.Errors.Any ? null : new CampaignParameter(name, value, type);
    }

    private static RolloutPolicy? Rollout(JsonObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        var defaults = new RolloutPolicy();
        List<long>? waves = r.Integers("wavePercentages", false, 1, 20, 1, 100);
        if (waves is not null && waves.Zip(waves.Skip(1)).Any(pair => pair.Second <= pair.First))
        {
            r.Fail("wavePercentages", "must ascend strictly (cumulative percentages of the target, e.g. [1, 10, 100])");
        }

        long? deadline = r.Integer("deviceDeadlineSeconds", false, (long)MinDeadline.TotalSeconds, (long)MaxDeadline.TotalSeconds);
        var policy = new RolloutPolicy
        {
            CanaryCount = (int)(r.Integer("canaryCount", false, 0, 10_000_000) ?? defaults.CanaryCount),
            WavePercentages = waves is null ? defaults.WavePercentages : [.. waves.Select(w => (int)w)],
            MaxInFlight = (int)(r.Integer("maxInFlight", false, 1, 10_000_000) ?? defaults.MaxInFlight),
            MaxStartsPerMinute = (int)(r.Integer("maxStartsPerMinute", false, 1, 10_000_000) ?? defaults.MaxStartsPerMinute),
            FailureRateThreshold = r.Number("failureRateThreshold", false, 0, 1) ?? defaults.FailureRateThreshold,
            MinOutcomesForFailureRate = (int)(r.Integer("minOutcomesForFailureRate", false, 1, 10_000_000) ?? defaults.MinOutcomesForFailureRate),
            ConnectionRequest = r.Bool("connectionRequest") ?? defaults.ConnectionRequest,
            DeviceDeadline = deadline is { } seconds ? TimeSpan.FromSeconds(seconds) : defaults.DeviceDeadline,
        };
        r.RejectUnknown();
        return r.Errors.Any ? null : policy;
    }

    private static DateTimeOffset? Time(JsonObjectReader r, string name)
    {
        string? text = r.String(name, false, 64);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset time))
        {
            return time;
        }

        r.Fail(name, $"'{text}' is not an ISO 8601 date and time (e.g. 2026-01-31T12:00:00Z)");
        return null;
    }

    private static bool IsDeviceKey(string key) =>
        DeviceKey.TryParse(key, out string oui, out string productClass, out string serial)
        && string.Equals(DeviceKey.Format(oui, productClass, serial), key, StringComparison.Ordinal);
}

/// <summary>A campaign body as read: the firmware is still a file name, to be resolved against the file store.</summary>
internal sealed record CampaignRequest(
    string? Id,
    string Name,
    DeviceQuery Target,
    FirmwareRequest? Firmware,
    IReadOnlyList<CampaignParameter> Parameters,
    RolloutPolicy Rollout);

/// <summary>The firmware action as the caller names it: a file of the file store and the version that marks success (default: the file's version).</summary>
internal sealed record FirmwareRequest(string File, string? TargetSoftwareVersion);
