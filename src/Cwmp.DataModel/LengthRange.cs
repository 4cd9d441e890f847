namespace Cwmp.DataModel;

/// <summary>One <c>size</c> facet: the length of a string (characters) or of base64/hexBinary data (bytes).</summary>
public sealed record LengthRange(int? Min, int? Max)
{
    public bool Contains(int length) => (Min is not { } min || length >= min) && (Max is not { } max || length <= max);

    public override string ToString() => $"{Min ?? 0}..{(Max is { } max ? max.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")}";
}
