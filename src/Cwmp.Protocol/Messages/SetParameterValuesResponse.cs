using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// SetParameterValuesResponse: <see cref="Status"/> 0 when every change is applied, 1 when they are committed but
/// take effect later (typically after a reboot).
/// </summary>
public sealed record SetParameterValuesResponse(int Status) : CwmpResponse
{
    public override string MethodName => "SetParameterValuesResponse";

    internal override void WriteContent(CwmpXmlWriter writer) => writer.Element("Status"u8, Status);

    internal static SetParameterValuesResponse Read(CwmpElementReader reader)
    {
        // A CPE that leaves Status out has still accepted the values; 0 is the reading that asks nothing more of the ACS.
        int status = 0;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                if (reader.LocalName == "Status")
                {
                    status = reader.ReadInt();
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return new SetParameterValuesResponse(status);
    }
}
