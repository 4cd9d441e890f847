namespace Cwmp.Grains;

/// <summary>One value a CPE reported with "4 VALUE CHANGE".</summary>
[GenerateSerializer, Immutable, Alias("cwmp.ParameterValueChange")]
public sealed record ParameterValueChange(
    [property: Id(0)] string Value,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset At);
