namespace Cwmp.DataModel;

/// <summary>One parameter of a data model, by its generic path ("Device.WiFi.SSID.{i}.SSID").</summary>
public sealed class ParameterDefinition
{
    public required string Path { get; init; }

    /// <summary>The last segment ("SSID").</summary>
    public required string Name { get; init; }

    public required ParameterAccess Access { get; init; }

    public required ParameterSyntax Syntax { get; init; }

    /// <summary>"current", "deprecated" or "obsoleted" ("deleted" definitions are not loaded).</summary>
    public string Status { get; init; } = "current";

    /// <summary>The model that defined it ("Device:2.17", "VoiceService:2.0").</summary>
    public required string Model { get; init; }

    public bool IsWritable => Access != ParameterAccess.ReadOnly;
}
