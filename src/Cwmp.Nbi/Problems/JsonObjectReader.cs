using System.Globalization;
using System.Text.Json;

namespace Cwmp.Nbi.Problems;

/// <summary>
/// Strict reading of one JSON object of a request body: every field is checked for its type and range, every error
/// is recorded under the field's path as the caller wrote it, and fields nobody asked for are errors too.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JsonElement _object;
    private readonly string _path;
    private readonly ValidationErrors _errors;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    private JsonObjectReader(JsonElement element, string path, ValidationErrors errors)
    {
        _object = element;
        _path = path;
        _errors = errors;
    }

    public ValidationErrors Errors => _errors;

    /// <summary>A reader of <paramref name="element"/>, or null (and an error) when it is not an object.</summary>
    public static JsonObjectReader? Open(JsonElement element, string path, ValidationErrors errors)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return new JsonObjectReader(element, path, errors);
        }

        errors.Add(path.Length == 0 ? "body" : path, "must be a JSON object");
        return null;
    }

    public string Field(string name) => _path.Length == 0 ? name : $"{_path}.{name}";

    public void Fail(string name, string message) => _errors.Add(Field(name), message);

    public bool Has(string name)
    {
        _known.Add(name);
        return _object.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null;
    }

    public string? String(string name, bool required, int maxLength = 1024)
    {
        if (!TryGet(name, required, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Fail(name, "must be a string");
            return null;
        }

        string text = value.GetString()!;
        if (text.Length > maxLength)
        {
            Fail(name, string.Create(CultureInfo.InvariantCulture, $"must be at most {maxLength} characters"));
            return null;
        }

        return text;
    }

    /// <summary>A string, number or boolean, as text (numbers as written, booleans as "true"/"false").</summary>
    public string? Scalar(string name, bool required, int maxLength)
    {
        if (!TryGet(name, required, out JsonElement value))
        {
            return null;
        }

        string? text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        if (text is null || text.Length > maxLength)
        {
            Fail(name, string.Create(CultureInfo.InvariantCulture, $"must be a string, number or boolean of at most {maxLength} characters"));
            return null;
        }

        return text;
    }

    public bool? Bool(string name, bool required = false)
    {
        if (!TryGet(name, required, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Fail(name, "must be true or false");
        return null;
    }

    public long? Integer(string name, bool required, long min, long max)
    {
        if (!TryGet(name, required, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out long number) || number < min || number > max)
        {
            Fail(name, string.Create(CultureInfo.InvariantCulture, $"must be a whole number from {min} to {max}"));
            return null;
        }

        return number;
    }

    public double? Number(string name, bool required, double min, double max)
    {
        if (!TryGet(name, required, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double number) || number < min || number > max)
        {
            Fail(name, string.Create(CultureInfo.InvariantCulture, $"must be a number from {min} to {max}"));
            return null;
        }

        return number;
    }

    /// <summary>A list of whole numbers, each within [min, max].</summary>
    public List<long>? Integers(string name, bool required, int minItems, int maxItems, long min, long max)
    {
        if (!TryGet(name, required, out JsonElement value) || !IsArray(name, value, minItems, maxItems))
        {
            return null;
        }

        List<long> items = [];
        foreach (JsonElement item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out long number) || number < min || number > max)
            {
                Fail(name, string.Create(CultureInfo.InvariantCulture, $"items must be whole numbers from {min} to {max}"));
                return null;
            }

            items.Add(number);
        }

        return items;
    }

    /// <summary>A list of strings, each checked by <paramref name="check"/> (null: fine, else the reason it is not).</summary>
    public List<string>? Strings(string name, bool required, int minItems, int maxItems, int maxLength, Func<string, string?>? check = null)
    {
        if (!TryGet(name, required, out JsonElement value))
        {
            return null;
        }

        if (!IsArray(name, value, minItems, maxItems))
        {
            return null;
        }

        List<string> items = [];
        int i = 0;
        bool ok = true;
        foreach (JsonElement item in value.EnumerateArray())
        {
            string at = string.Create(CultureInfo.InvariantCulture, $"{Field(name)}[{i++}]");
            string? reason = item.ValueKind != JsonValueKind.String ? "must be a string"
                : item.GetString()!.Length > maxLength ? string.Create(CultureInfo.InvariantCulture, $"must be at most {maxLength} characters")
                : check?.Invoke(item.GetString()!);
            if (reason is null)
            {
                items.Add(item.GetString()!);
            }
            else
            {
                _errors.Add(at, reason);
                ok = false;
            }
        }

        return ok ? items : null;
    }

    /// <summary>A list of objects; each is handed to <paramref name="read"/> with its own reader.</summary>
    public List<T>? Objects<T>(string name, bool required, int minItems, int maxItems, Func<JsonObjectReader, T?> read)
        where T : class
    {
        if (!TryGet(name, required, out JsonElement value) || !IsArray(name, value, minItems, maxItems))
        {
            return null;
        }

        List<T> items = [];
        int i = 0;
        bool ok = true;
        foreach (JsonElement item in value.EnumerateArray())
        {
            JsonObjectReader? reader = Open(item, string.Create(CultureInfo.InvariantCulture, $"{Field(name)}[{i++}]"), _errors);
            T? read1 = reader is null ? null : read(reader);
            reader?.RejectUnknown();
            if (read1 is null)
            {
                ok = false;
            }
            else
            {
                items.Add(read1);
            }
        }

        return ok ? items : null;
    }

    /// <summary>A nested object's reader, or null when absent (an error when required) or not an object.</summary>
    public JsonObjectReader? Object(string name, bool required)
    {
        return TryGet(name, required, out JsonElement value) ? Open(value, Field(name), _errors) : null;
    }

    /// <summary>Every field that no accessor asked for is an error: a misspelt field must not be ignored.</summary>
    public void RejectUnknown()
    {
        foreach (JsonProperty property in _object.EnumerateObject())
        {
            if (!_known.Contains(property.Name))
            {
                _errors.Add(Field(property.Name), "is not a known field");
            }
        }
    }

    /// <summary>The names of the fields present, in order.</summary>
    public IEnumerable<string> Names => _object.EnumerateObject().Select(p => p.Name);

    private bool TryGet(string name, bool required, out JsonElement value)
    {
        _known.Add(name);
        if (_object.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            Fail(name, "is required");
        }

        return false;
    }

    private bool IsArray(string name, JsonElement value, int minItems, int maxItems)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            Fail(name, "must be an array");
            return false;
        }

        int count = value.GetArrayLength();
        if (count < minItems || count > maxItems)
        {
            Fail(name, string.Create(CultureInfo.InvariantCulture, $"must have {minItems} to {maxItems} items"));
            return false;
        }

        return true;
    }
}
