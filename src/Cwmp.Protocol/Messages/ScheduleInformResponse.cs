using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>ScheduleInformResponse (TR-069 A.4.1.2): the CPE scheduled the Inform.</summary>
public sealed record ScheduleInformResponse : CwmpResponse
{
    public override string MethodName => "ScheduleInformResponse";

    internal override void WriteContent(CwmpXmlWriter writer)
    {
    }

    internal static ScheduleInformResponse Read(CwmpElementReader reader)
    {
        reader.Skip();
        return new ScheduleInformResponse();
    }
}
