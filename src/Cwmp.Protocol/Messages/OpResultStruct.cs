using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// The result of one deployment-unit operation of a ChangeDUState, as reported in <see cref="DUStateChangeComplete"/>.
/// <see cref="CurrentState"/> is "Installed", "Uninstalled" or "Failed" (kept as sent);
/// <see cref="ExecutionUnitRefList"/> is a comma-separated list of ExecutionUnit paths. Times the CPE does not know
/// are <see cref="CwmpDateTime.Unknown"/>.
/// </summary>
public sealed record OpResultStruct(
    string Uuid,
    string DeploymentUnitRef,
    string Version,
    string CurrentState,
    bool Resolved,
    string ExecutionUnitRefList,
    CwmpDateTime StartTime,
    CwmpDateTime CompleteTime,
    DeploymentUnitFaultStruct Fault)
{
    /// <summary>Writes the children, in schema order, without an enclosing element (the caller writes &lt;Results&gt;).</summary>
    internal void WriteFields(CwmpXmlWriter writer)
    {
        writer.Element("UUID"u8, Uuid);
        writer.Element("DeploymentUnitRef"u8, DeploymentUnitRef);
        writer.Element("Version"u8, Version);
        writer.Element("CurrentState"u8, CurrentState);
        writer.Element("Resolved"u8, Resolved);
        writer.Element("ExecutionUnitRefList"u8, ExecutionUnitRefList);
        writer.Element("StartTime"u8, StartTime);
        writer.Element("CompleteTime"u8, CompleteTime);
        Fault.Write(writer, "Fault"u8);
    }
}
