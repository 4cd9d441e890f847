namespace Cwmp.Swarm.DataModel;

/// <summary>
/// One entry of a template: a parameter or an object (names of objects end with "."). Shared by every simulated
/// device built from the template, so it holds only what is the same for all of them; a default may contain tokens
/// such as {serial} that <see cref="TokenExpander"/> resolves per device.
/// </summary>
internal sealed class ParameterDefinition
{
    public ParameterDefinition(string name, ParameterType type, bool writable, string defaultValue, ParameterConstraints? constraints)
    {
        Name = name;
        Type = type;
        Writable = writable;
        Default = defaultValue;
        Constraints = constraints;
        HasTokens = defaultValue.Contains('{', StringComparison.Ordinal);
    }

    /// <summary>The full name in a template; the name relative to the instance in a <see cref="TableSchema"/>.</summary>
    public string Name { get; }

    public ParameterType Type { get; }

    /// <summary>For a parameter: SetParameterValues may change it. For a table or an instance: Add/DeleteObject may.</summary>
    public bool Writable { get; }

    public string Default { get; }

    public bool HasTokens { get; }

    public ParameterConstraints? Constraints { get; }

    public bool IsObject => Type == ParameterType.Object;

    /// <summary>Secret parameters (passwords, keys) read back as an empty string, as TR-069 requires.</summary>
    public bool Hidden => Constraints?.Hidden == true;

    public override string ToString() => Name;
}
