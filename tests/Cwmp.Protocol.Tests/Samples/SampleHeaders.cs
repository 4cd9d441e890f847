using Cwmp.Protocol;

namespace Cwmp.Protocol.Tests.Samples;

/// <summary>The header a message of each version carries in the samples: every element that version defines.</summary>
internal static class SampleHeaders
{
    public static CwmpHeader For(CwmpVersion version) => new()
    {
        Id = "ID:intrnl.unset.id.Inform1732445730000.&<>",
        HoldRequests = false,
        SessionTimeout = version >= CwmpVersion.Version13 ? 60u : null,
        SupportedCwmpVersions = version >= CwmpVersion.Version14 ? "1.0,1.1,1.2,1.3,1.4" : null,
        UseCwmpVersion = version >= CwmpVersion.Version14 ? "1.4" : null,
    };
}
