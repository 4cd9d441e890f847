namespace Cwmp.DataModel;

/// <summary>One <c>range</c> facet of a numeric type; a value must fall in one of the ranges.</summary>
public sealed record ValueRange(decimal? Min, decimal? Max, decimal? Step)
{
    public bool Contains(decimal value) =>
        (Min is not { } min || value >= min)
        && (Max is not { } max || value <= max)
        && (Step is not { } step || step == 0 || (value - (Min ?? 0)) % step == 0);

    public override string ToString() =>
        $"[{Min?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""}:{Max?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""}"
        + (Step is { } s ? $" step {s.ToString(System.Globalization.CultureInfo.InvariantCulture)}]" : "]");
}
