namespace Cwmp.Grains.Presets;

/// <summary>A condition on one parameter's current value.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.ParameterPredicate")]
public sealed record ParameterPredicate
{
    /// <summary>A full parameter path ("Device.DeviceInfo.ModelName").</summary>
    [Id(0)] public required string Path { get; init; }

    [Id(1)] public PredicateOperator Operator { get; init; } = PredicateOperator.Equals;

    /// <summary>The value compared with (or the regular expression for <see cref="PredicateOperator.Matches"/>); unused by Exists.</summary>
    [Id(2)] public string? Value { get; init; }
}

/// <summary>How a <see cref="ParameterPredicate"/> compares.</summary>
public enum PredicateOperator
{
    /// <summary>The value is known and equal (ordinal; booleans 1/true and 0/false alike).</summary>
    Equals,

    /// <summary>The value is unknown, or known and different.</summary>
    NotEquals,

    /// <summary>The value is known and the regular expression matches all of it.</summary>
    Matches,

    /// <summary>The parameter is known to the ACS (Inform or cached tree).</summary>
    Exists,
}
