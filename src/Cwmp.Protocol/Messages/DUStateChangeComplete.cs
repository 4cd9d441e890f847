using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// DUStateChangeComplete (CWMP 1.2), CPE to ACS: the operations of a ChangeDUState have ended. <see cref="Results"/>
/// follow the order of the request's operations; <see cref="CommandKey"/> is the request's, and null when the CPE
/// left it out (the schema makes it optional).
/// </summary>
public sealed record DUStateChangeComplete(EquatableArray<OpResultStruct> Results, string? CommandKey = null) : CwmpRequest
{
    public override string MethodName => "DUStateChangeComplete";

    public override CwmpVersion MinimumVersion => CwmpVersion.Version12;

    internal override void WriteContent(CwmpXmlWriter writer)
    {
        foreach (OpResultStruct result in Results)
        {
            writer.StartElement("Results"u8);
            result.WriteFields(writer);
            writer.EndElement("Results"u8);
        }

        writer.OptionalElement("CommandKey"u8, CommandKey);
    }

    internal static DUStateChangeComplete Read(CwmpElementReader reader)
    {
        var results = new List<OpResultStruct>();
        string? commandKey = null;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "Results": OpResultFields.ReadResults(reader, results, static fields => fields.ToResult()); break;
                    case "CommandKey": commandKey = reader.ReadString(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new DUStateChangeComplete(new EquatableArray<OpResultStruct>([.. results]), commandKey);
    }
}
