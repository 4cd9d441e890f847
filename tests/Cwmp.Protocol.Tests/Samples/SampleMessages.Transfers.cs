using Cwmp.Protocol;

namespace Cwmp.Protocol.Tests.Samples;

internal static partial class SampleMessages
{
    private static IEnumerable<CwmpMessage> Transfers() =>
    [
    ];
}
