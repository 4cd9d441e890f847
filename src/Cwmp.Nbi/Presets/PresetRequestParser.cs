using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cwmp.DataModel;
using Cwmp.Grains;
using Cwmp.Grains.Presets;
using Cwmp.Nbi.Problems;

namespace Cwmp.Nbi.Presets;

/// <summary>
/// Reads a preset from its JSON (docs/nbi.md) and validates it before it is stored: every value against the BBF data
/// models (type, range, enumeration, length, writability; a vendor X_ parameter against the type given with it, if
/// any), every path, pattern, tag, URL and number. Errors name the field, the parameter and the rule.
/// </summary>
internal sealed class PresetRequestParser(DataModelCatalog catalog)
{
    private const int MaxItems = 1000;
    private const int MaxPathLength = 256;
    private const int MaxValueLength = 65535;
    private static readonly string[] Roots = ["Device.", "InternetGatewayDevice."];

    public Preset? Parse(string name, JsonElement body, ValidationErrors errors)
    {
        if (!Preset.IsValidName(name))
        {
            errors.Add("name", $"'{name}' is not 1–{Preset.MaxNameLength} characters of A-Z, a-z, 0-9, '_', '.', ':' or '-'");
        }

        JsonObjectReader? reader = JsonObjectReader.Open(body, string.Empty, errors);
        if (reader is null)
        {
            return null;
        }

        if (reader.String("name", false, Preset.MaxNameLength) is { } named && !string.Equals(named, name, StringComparison.Ordinal))
        {
            reader.Fail("name", $"'{named}' differs from the name in the path ('{name}')");
        }

        long precedence = reader.Integer("precedence", false, int.MinValue + 1L, int.MaxValue) ?? 0;
        bool enabled = reader.Bool("enabled") ?? true;
        string? description = reader.String("description", false, 1024);
        PresetCriteria criteria = reader.Object("criteria", false) is { } c ? Criteria(c) : PresetCriteria.Any;
        PresetTriggers triggers = reader.Object("triggers", false) is { } t ? Triggers(t) : PresetTriggers.EveryInform;
        PresetActions actions = reader.Object("actions", true) is { } a ? Actions(a) : PresetActions.None;
        reader.RejectUnknown();
        return new Preset
        {
            Name = name,
            Precedence = (int)precedence,
            Enabled = enabled,
            Description = description,
            Criteria = criteria,
            Triggers = triggers,
            Actions = actions,
        };
    }

    private PresetCriteria Criteria(JsonObjectReader reader)
    {
        var criteria = new PresetCriteria
        {
            Oui = reader.String("oui", false, 6),
            Manufacturer = reader.String("manufacturer", false, 64),
            ProductClass = reader.String("productClass", false, 64),
            SoftwareVersion = reader.Object("softwareVersion", false) is { } sw ? Version(sw) : null,
            HardwareVersion = reader.Object("hardwareVersion", false) is { } hw ? Version(hw) : null,
            Tags = reader.Strings("tags", false, 0, 100, DeviceTags.MaxLength, TagReason) ?? [],
            ExcludedTags = reader.Strings("excludedTags", false, 0, 100, DeviceTags.MaxLength, TagReason) ?? [],
            SubscriberId = reader.String("subscriberId", false, 256),
            Parameters = reader.Objects("parameters", false, 0, 100, Predicate) ?? [],
        };
        reader.RejectUnknown();
        return criteria;
    }

    private static VersionMatch Version(JsonObjectReader reader)
    {
        var match = new VersionMatch
        {
            Exact = reader.String("exact", false, 64),
            Min = reader.String("min", false, 64),
            Max = reader.String("max", false, 64),
            Pattern = reader.String("pattern", false, 256),
        };
        if (match.Pattern is { } pattern && PatternReason(pattern) is { } reason)
        {
            reader.Fail("pattern", reason);
        }

        if (match.Min is { } min && match.Max is { } max && VersionOrder.Compare(min, max) > 0)
        {
            reader.Fail("max", $"'{max}' is lower than min '{min}'");
        }

        if (match == new VersionMatch())
        {
            reader.Fail("exact", "exact, min, max or pattern is required");
        }

        reader.RejectUnknown();
        return match;
    }

    private ParameterPredicate? Predicate(JsonObjectReader reader)
    {
        string? path = Path(reader, "path", objectAllowed: false);
        PredicateOperator op = reader.String("operator", false, 16) switch
        {
            null or "equals" => PredicateOperator.Equals,
            "notEquals" => PredicateOperator.NotEquals,
            "matches" => PredicateOperator.Matches,
            "exists" => PredicateOperator.Exists,
            var other => Fail(reader, "operator", $"'{other}' is not equals, notEquals, matches or exists", PredicateOperator.Equals),
        };
        string? value = reader.Scalar("value", op is PredicateOperator.Equals or PredicateOperator.NotEquals or PredicateOperator.Matches, MaxValueLength);
        if (op == PredicateOperator.Matches && value is not null && PatternReason(value) is { } reason)
        {
            reader.Fail("value", reason);
        }

        return path is null ? null : new ParameterPredicate { Path = path, Operator = op, Value = value };
    }

    private static PresetTriggers Triggers(JsonObjectReader reader)
    {
        List<string> events = reader.Strings("events", false, 0, 64, 64, e => e.Trim().Length == 0 ? "must not be blank" : null) ?? [];
        PresetWindow? window = null;
        if (reader.Object("window", false) is { } w)
        {
            TimeSpan? start = TimeOfDay(w, "start");
            TimeSpan? end = TimeOfDay(w, "end");
            w.RejectUnknown();
            if (start is { } s && end is { } e)
            {
                if (s == e)
                {
                    w.Fail("end", "must differ from start");
                }

                window = new PresetWindow { Start = s, End = e };
            }
        }

        reader.RejectUnknown();
        return new PresetTriggers { Events = events, Window = window };
    }

    private PresetActions Actions(JsonObjectReader reader)
    {
        var actions = new PresetActions
        {
            Values = reader.Objects("values", false, 0, MaxItems, v => Setting(v, prefix: null)) ?? [],
            Objects = reader.Objects("objects", false, 0, MaxItems, ObjectRule) ?? [],
            Notifications = reader.Objects("notifications", false, 0, MaxItems, Notification) ?? [],
            Firmware = reader.Object("firmware", false) is { } f ? Firmware(f) : null,
            Refresh = reader.Objects("refresh", false, 0, MaxItems, Refresh) ?? [],
            AddTags = reader.Strings("addTags", false, 0, 100, DeviceTags.MaxLength, TagReason) ?? [],
            RemoveTags = reader.Strings("removeTags", false, 0, 100, DeviceTags.MaxLength, TagReason) ?? [],
            Reboot = reader.Bool("reboot") ?? false,
        };
        foreach (string duplicate in actions.Values.GroupBy(v => v.Path, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            reader.Fail("values", $"{duplicate} is set more than once");
        }

        reader.RejectUnknown();
        return actions;
    }

    /// <summary>A parameter and its value; <paramref name="prefix"/> is the generic instance path of an object rule ("Device.NAT.PortMapping.{i}.").</summary>
    private ParameterSetting? Setting(JsonObjectReader reader, string? prefix)
    {
        string? path = prefix is null ? Path(reader, "path", objectAllowed: false) : RelativePath(reader);
        string? value = reader.Scalar("value", true, MaxValueLength);
        string? type = reader.String("type", false, 32);
        if (type is not null && !Tasks.XsdTypes.IsKnown(type))
        {
            reader.Fail("type", $"'{type}' is not one of {string.Join(", ", Tasks.XsdTypes.Known)}");
            type = null;
        }

        if (path is null || value is null)
        {
            return null;
        }

        string full = prefix + path;
        ValidationResult result = catalog.Validate(full, value, DataModelPath.IsVendorExtension(full) ? type : null);
        if (!result.IsValid)
        {
            reader.Fail("value", $"{full}: {Rule(result.Rule)}: {result.Message}");
        }

        return new ParameterSetting(path, value, type);
    }

    private ObjectInstanceRule? ObjectRule(JsonObjectReader reader)
    {
        string? table = Path(reader, "table", objectAllowed: true);
        if (table is not null && !table.EndsWith('.'))
        {
            reader.Fail("table", $"{table} must end with '.' (a table, such as Device.NAT.PortMapping.)");
            table = null;
        }

        if (table is not null && !DataModelPath.IsVendorExtension(table))
        {
            ObjectDefinition? definition = catalog.FindObject(table);
            if (definition is null || !definition.IsMultiInstance || !string.Equals(definition.Path, DataModelPath.ToGeneric(table) + "{i}.", StringComparison.Ordinal))
            {
                reader.Fail("table", $"{table}: {Rule(ValidationRule.UnknownParameter)}: no loaded data model defines it as a table");
                table = null;
            }
            else if (!definition.IsWritable)
            {
                reader.Fail("table", $"{table}: {Rule(ValidationRule.NotWritable)}: the ACS cannot add or delete its instances");
            }
        }

        string prefix = table is null ? "Device.X_.{i}." : DataModelPath.ToGeneric(table) + "{i}.";
        bool present = reader.Bool("present") ?? true;
        List<ParameterSetting>? keys = reader.Objects("keys", true, 1, 16, k => Setting(k, prefix));
        List<ParameterSetting>? values = reader.Objects("values", false, 0, MaxItems, v => Setting(v, prefix));
        if (!present && values is { Count: > 0 })
        {
            reader.Fail("values", "an instance that must not exist has no values");
        }

        return table is null || keys is null ? null : new ObjectInstanceRule { Table = table, Keys = keys, Values = values ?? [], Present = present };
    }

    private NotificationSetting? Notification(JsonObjectReader reader)
    {
        string? path = Path(reader, "path", objectAllowed: true);
        long? notification = reader.Integer("notification", true, 0, 6);
        return path is null || notification is null ? null : new NotificationSetting(path, (int)notification);
    }

    private RefreshRule? Refresh(JsonObjectReader reader)
    {
        string? path = Path(reader, "path", objectAllowed: true);
        long? seconds = reader.Integer("maxAgeSeconds", true, 0, 366L * 24 * 3600);
        return path is null || seconds is null ? null : new RefreshRule(path, TimeSpan.FromSeconds(seconds.Value));
    }

    private static FirmwareTarget? Firmware(JsonObjectReader reader)
    {
        string? version = reader.String("softwareVersion", true, 64);
        string? url = reader.String("url", true, 256);
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https" or "ftp")))
        {
            reader.Fail("url", $"'{url}' is not an absolute http, https or ftp URL");
            url = null;
        }

        string fileType = reader.String("fileType", false, 64) ?? FirmwareTarget.FirmwareFileType;
        long fileSize = reader.Integer("fileSize", false, 0, uint.MaxValue) ?? 0;
        string? username = reader.String("username", false, 256);
        string? password = reader.String("password", false, 256);
        string? target = reader.String("targetFileName", false, 256);
        reader.RejectUnknown();
        if (version is { Length: 0 })
        {
            reader.Fail("softwareVersion", "must not be empty");
            version = null;
        }

        return version is null || url is null ? null : new FirmwareTarget
        {
            SoftwareVersion = version,
            Url = url,
            FileType = fileType,
            FileSize = (uint)fileSize,
            Username = username,
            Password = password,
            TargetFileName = target,
        };
    }

    private string? Path(JsonObjectReader reader, string field, bool objectAllowed)
    {
        string? path = reader.String(field, true, MaxPathLength);
        if (path is null)
        {
            return null;
        }

        if (!Roots.Any(r => path.StartsWith(r, StringComparison.Ordinal)))
        {
            reader.Fail(field, $"'{path}' must start with {string.Join(" or ", Roots)}");
            return null;
        }

        if (!objectAllowed && path.EndsWith('.'))
        {
            reader.Fail(field, $"{path}: {Rule(ValidationRule.NotWritable)}: names an object; a parameter is needed here");
            return null;
        }

        ValidationResult result = catalog.ValidatePath(path);
        if (!result.IsValid)
        {
            reader.Fail(field, $"{path}: {Rule(result.Rule)}: {result.Message}");
            return null;
        }

        return path;
    }

    private static string? RelativePath(JsonObjectReader reader)
    {
        string? path = reader.String("path", true, MaxPathLength);
        if (path is not null && (path.Length == 0 || path.StartsWith('.') || path.EndsWith('.')))
        {
            reader.Fail("path", $"'{path}' must be a parameter of the instance, relative to it (\"Enable\", \"Alias\")");
            return null;
        }

        return path;
    }

    private static TimeSpan? TimeOfDay(JsonObjectReader reader, string field)
    {
        string? text = reader.String(field, true, 8);
        if (text is null)
        {
            return null;
        }

        if (TimeSpan.TryParseExact(text, ["hh\\:mm", "hh\\:mm\\:ss"], CultureInfo.InvariantCulture, out TimeSpan time) && time < TimeSpan.FromDays(1))
        {
            return time;
        }

        reader.Fail(field, $"'{text}' is not a UTC time of day (HH:mm)");
        return null;
    }

    private static string? PatternReason(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            return null;
        }
        catch (ArgumentException e)
        {
            return "is not a valid regular expression: " + e.Message;
        }
    }

    private static string? TagReason(string tag) =>
        DeviceTags.IsValid(tag) ? null : $"'{tag}' is not 1–{DeviceTags.MaxLength} characters of A-Z, a-z, 0-9, '_', '.', ':' or '-'";

    /// <summary>The rule as the API names it ("range", "enumeration", "notWritable").</summary>
    public static string Rule(ValidationRule rule) => JsonNamingPolicy.CamelCase.ConvertName(rule.ToString());

    private static T Fail<T>(JsonObjectReader reader, string field, string message, T fallback)
    {
        reader.Fail(field, message);
        return fallback;
    }
}
