namespace Cwmp.Grains;

/// <summary>Tags to add to and remove from one device.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.TagChange")]
public sealed record TagChange(
    [property: Id(0)] IReadOnlyList<string> Add,
    [property: Id(1)] IReadOnlyList<string> Remove);
