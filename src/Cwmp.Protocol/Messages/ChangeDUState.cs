using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// ChangeDUState (TR-069 A.4.1.10, CWMP 1.2): installs, updates or uninstalls deployment units; the results come
/// later in a DUStateChangeComplete with the same <see cref="CommandKey"/>. The operations are not a SOAP array:
/// each is its own &lt;Operations xsi:type="cwmp:…OpStruct"&gt; element, in order.
/// </summary>
/// <param name="Operations">One or more operations, applied in order.</param>
/// <param name="CommandKey">Not written when null (minOccurs="0").</param>
public sealed record ChangeDUState(EquatableArray<DeploymentUnitOperation> Operations, string? CommandKey = null) : CwmpRequest
{
    public override string MethodName => "ChangeDUState";

    public override CwmpVersion MinimumVersion => CwmpVersion.Version12;

    internal override void WriteContent(CwmpXmlWriter writer)
    {
        foreach (DeploymentUnitOperation operation in Operations)
        {
            operation.Write(writer);
        }

        writer.OptionalElement("CommandKey"u8, CommandKey);
    }

    internal static ChangeDUState Read(CwmpElementReader reader)
    {
        List<DeploymentUnitOperation>? operations = null;
        string? commandKey = null;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "Operations":
                        operations ??= [];
                        DeploymentUnitOperation.ReadInto(reader, operations);
                        break;
                    case "CommandKey":
                        commandKey = reader.ReadString();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }

        return new ChangeDUState(operations is null ? default : new EquatableArray<DeploymentUnitOperation>([.. operations]), commandKey);
    }
}
