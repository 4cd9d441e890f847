using System.Collections.Frozen;

namespace Cwmp.Swarm.DataModel;

/// <summary>
/// What one instance of a multi-instance object contains, with names relative to the instance ("Enable",
/// "Stats.", "Stats.BytesSent"): AddObject creates these entries, and they describe instances added at run time.
/// </summary>
internal sealed class TableSchema
{
    public TableSchema(string genericPath, bool writable, IReadOnlyList<ParameterDefinition> entries)
    {
        GenericPath = genericPath;
        Writable = writable;
        Entries = [.. entries];
        ByRelativeName = Entries.ToFrozenDictionary(e => e.Name, StringComparer.Ordinal);
        InstanceObject = new ParameterDefinition(string.Empty, ParameterType.Object, writable, string.Empty, null);
    }

    /// <summary>The table path with every instance number replaced by {i}, ending in "{i}.".</summary>
    public string GenericPath { get; }

    /// <summary>Whether AddObject and DeleteObject are allowed on the table.</summary>
    public bool Writable { get; }

    public ParameterDefinition[] Entries { get; }

    public FrozenDictionary<string, ParameterDefinition> ByRelativeName { get; }

    /// <summary>The entry that stands for the instance object itself.</summary>
    public ParameterDefinition InstanceObject { get; }
}
