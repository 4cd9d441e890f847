using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cwmp.Grains;

/// <summary>
/// The stored form of one parameter: a small JSON object under the parameter's name (the name itself is the hash
/// field). Short property names and omitted nulls keep a tree of thousands of parameters small.
/// </summary>
internal static class CachedParameterFormat
{
    public static string Serialize(CachedParameter parameter) =>
        JsonSerializer.Serialize(
            new StoredParameter(parameter.Value, parameter.Type, parameter.Writable, parameter.Notification, parameter.AccessList, parameter.ValueReadAt),
            StoredParameterContext.Default.StoredParameter);

    public static CachedParameter Deserialize(string name, string json)
    {
        StoredParameter stored = JsonSerializer.Deserialize(json, StoredParameterContext.Default.StoredParameter)
            ?? throw new JsonException($"The stored entry of {name} is null.");
        return new CachedParameter(name, stored.Value, stored.Type, stored.Writable, stored.Notification, stored.AccessList, stored.ValueReadAt);
    }
}

internal sealed record StoredParameter(
    [property: JsonPropertyName("v")] string? Value,
    [property: JsonPropertyName("t")] string? Type,
    [property: JsonPropertyName("w")] bool? Writable,
    [property: JsonPropertyName("n")] int? Notification,
    [property: JsonPropertyName("a")] IReadOnlyList<string>? AccessList,
    [property: JsonPropertyName("r")] DateTimeOffset? ValueReadAt);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredParameter))]
internal sealed partial class StoredParameterContext : JsonSerializerContext;
