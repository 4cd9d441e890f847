namespace Cwmp.Swarm.DataModel;

/// <summary>One entry of a device's tree: its full name and the definition it was built from.</summary>
internal readonly record struct ModelEntry(string Name, ParameterDefinition Definition);
