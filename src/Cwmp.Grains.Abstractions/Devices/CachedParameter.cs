namespace Cwmp.Grains;

/// <summary>One parameter (or object, when the name ends in ".") of the cached tree.</summary>
/// <param name="Name">Full path.</param>
/// <param name="Value">Last known value; null when never read.</param>
/// <param name="Type">xsi:type as the CPE reported it ("xsd:unsignedInt"); null when unknown.</param>
/// <param name="Writable">From GetParameterNames; null when unknown.</param>
/// <param name="Notification">From Get/SetParameterAttributes; null when unknown.</param>
/// <param name="AccessList">From Get/SetParameterAttributes; null when unknown.</param>
/// <param name="ValueReadAt">When the value was last reported by the CPE.</param>
[GenerateSerializer, Immutable, Alias("cwmp.CachedParameter")]
public sealed record CachedParameter(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Value,
    [property: Id(2)] string? Type,
    [property: Id(3)] bool? Writable,
    [property: Id(4)] int? Notification,
    [property: Id(5)] IReadOnlyList<string>? AccessList,
    [property: Id(6)] DateTimeOffset? ValueReadAt);
