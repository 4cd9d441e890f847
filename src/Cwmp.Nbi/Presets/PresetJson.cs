using System.Globalization;
using System.Text.Json.Nodes;
using Cwmp.Grains.Presets;

namespace Cwmp.Nbi.Presets;

/// <summary>A preset as the NBI shows it: the same shape it is written in (docs/nbi.md), without the firmware password.</summary>
internal static class PresetJson
{
    public static JsonObject Write(Preset preset)
    {
        var json = new JsonObject
        {
            ["name"] = preset.Name,
            ["precedence"] = preset.Precedence,
            ["enabled"] = preset.Enabled,
            ["description"] = preset.Description,
            ["criteria"] = Criteria(preset.Criteria),
            ["triggers"] = Triggers(preset.Triggers),
            ["actions"] = Actions(preset.Actions),
        };
        return json;
    }

    private static JsonObject Criteria(PresetCriteria criteria)
    {
        var json = new JsonObject();
        Add(json, "oui", criteria.Oui);
        Add(json, "manufacturer", criteria.Manufacturer);
        Add(json, "productClass", criteria.ProductClass);
        if (criteria.SoftwareVersion is { } sw)
        {
            json["softwareVersion"] = Version(sw);
        }

        if (criteria.HardwareVersion is { } hw)
        {
            json["hardwareVersion"] = Version(hw);
        }

        json["tags"] = Strings(criteria.Tags);
        json["excludedTags"] = Strings(criteria.ExcludedTags);
        Add(json, "subscriberId", criteria.SubscriberId);
        json["parameters"] = new JsonArray([.. criteria.Parameters.Select(p => (JsonNode)new JsonObject
        {
            ["path"] = p.Path,
            ["operator"] = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Operator.ToString()),
            ["value"] = p.Value,
        })]);
        return json;
    }

    private static JsonObject Version(VersionMatch match)
    {
        var json = new JsonObject();
        Add(json, "exact", match.Exact);
        Add(json, "min", match.Min);
        Add(json, "max", match.Max);
        Add(json, "pattern", match.Pattern);
        return json;
    }

    private static JsonObject Triggers(PresetTriggers triggers)
    {
        var json = new JsonObject { ["events"] = Strings(triggers.Events) };
        if (triggers.Window is { } window)
        {
            json["window"] = new JsonObject { ["start"] = TimeOfDay(window.Start), ["end"] = TimeOfDay(window.End) };
        }

        return json;
    }

    private static JsonObject Actions(PresetActions actions)
    {
        var json = new JsonObject
        {
            ["values"] = new JsonArray([.. actions.Values.Select(Setting)]),
            ["objects"] = new JsonArray([.. actions.Objects.Select(o => (JsonNode)new JsonObject
            {
                ["table"] = o.Table,
                ["keys"] = new JsonArray([.. o.Keys.Select(Setting)]),
                ["values"] = new JsonArray([.. o.Values.Select(Setting)]),
                ["present"] = o.Present,
            })]),
            ["notifications"] = new JsonArray([.. actions.Notifications.Select(n => (JsonNode)new JsonObject { ["path"] = n.Path, ["notification"] = n.Notification })]),
            ["refresh"] = new JsonArray([.. actions.Refresh.Select(r => (JsonNode)new JsonObject { ["path"] = r.Path, ["maxAgeSeconds"] = (long)r.MaxAge.TotalSeconds })]),
            ["addTags"] = Strings(actions.AddTags),
            ["removeTags"] = Strings(actions.RemoveTags),
            ["reboot"] = actions.Reboot,
        };
        if (actions.Firmware is { } firmware)
        {
            var fw = new JsonObject
            {
                ["softwareVersion"] = firmware.SoftwareVersion,
                ["url"] = firmware.Url,
                ["fileType"] = firmware.FileType,
                ["fileSize"] = firmware.FileSize,
            };
            Add(fw, "username", firmware.Username);
            Add(fw, "targetFileName", firmware.TargetFileName);
            json["firmware"] = fw;
        }

        return json;
    }

    private static JsonNode Setting(ParameterSetting setting)
    {
        var json = new JsonObject { ["path"] = setting.Path, ["value"] = setting.Value };
        Add(json, "type", setting.Type);
        return json;
    }

    private static JsonArray Strings(IEnumerable<string> items) => new([.. items.Select(i => (JsonNode)JsonValue.Create(i))]);

    private static string TimeOfDay(TimeSpan time) => time.ToString(time.Seconds == 0 ? "hh\\:mm" : "hh\\:mm\\:ss", CultureInfo.InvariantCulture);

    private static void Add(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
