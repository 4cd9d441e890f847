namespace Cwmp.DataModel;

/// <summary>One object of a data model, by its generic path ("Device.WiFi.SSID.{i}.").</summary>
public sealed class ObjectDefinition
{
    public required string Path { get; init; }

    /// <summary>A table (its path ends in "{i}."): instances are numbered, and added or deleted when writable.</summary>
    public bool IsMultiInstance => Path.EndsWith(".{i}.", StringComparison.Ordinal);

    /// <summary>readWrite: the ACS may AddObject / DeleteObject instances.</summary>
    public required bool IsWritable { get; init; }

    public int MinEntries { get; init; }

    /// <summary>Null when unbounded.</summary>
    public int? MaxEntries { get; init; }

    /// <summary>Each unique key is a set of parameter names that identify an instance ("Alias", or "Name").</summary>
    public IReadOnlyList<IReadOnlyList<string>> UniqueKeys { get; init; } = [];

    /// <summary>The parameters directly in this object, by name.</summary>
    public required IReadOnlyDictionary<string, ParameterDefinition> Parameters { get; init; }

    public required string Model { get; init; }
}
