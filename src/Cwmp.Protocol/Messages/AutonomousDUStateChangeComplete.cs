using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// AutonomousDUStateChangeComplete (CWMP 1.2), CPE to ACS: deployment-unit operations the CPE performed on its own
/// (not at the ACS's request) have ended.
/// </summary>
public sealed record AutonomousDUStateChangeComplete(EquatableArray<AutonOpResultStruct> Results) : CwmpRequest
{
    public override string MethodName => "AutonomousDUStateChangeComplete";

    public override CwmpVersion MinimumVersion => CwmpVersion.Version12;

    internal override void WriteContent(CwmpXmlWriter writer)
    {
        foreach (AutonOpResultStruct result in Results)
        {
            writer.StartElement("Results"u8);
            result.WriteFields(writer);
            writer.EndElement("Results"u8);
        }
    }

    internal static AutonomousDUStateChangeComplete Read(CwmpElementReader reader)
    {
        var results = new List<AutonOpResultStruct>();
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                if (reader.LocalName == "Results")
                {
                    OpResultFields.ReadResults(reader, results, static fields => fields.ToAutonResult());
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return new AutonomousDUStateChangeComplete(new EquatableArray<AutonOpResultStruct>([.. results]));
    }
}
