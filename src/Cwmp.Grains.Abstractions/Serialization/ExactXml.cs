using Cwmp.Protocol;

namespace Cwmp.Grains.Serialization;

/// <summary>
/// The writer and parser settings under which a protocol value written by the ACS for itself (across processes, into
/// storage) parses back equal to what was written.
/// </summary>
internal static class ExactXml
{
    /// <summary>A bare message is wrapped in an envelope of this namespace; any cwmp namespace parses every message.</summary>
    public const string WrapperNamespace = CwmpNamespaces.Cwmp12;

    /// <summary>Fractions on: the default writer drops sub-second precision.</summary>
    public static readonly CwmpWriterOptions WriterOptions = new() { DateTimeFractions = true };

    /// <summary>The data was written by the ACS, not sent by a CPE: the limits that guard the public endpoint do not apply.</summary>
    public static readonly CwmpParserOptions ParserOptions = new()
    {
        MaxBodyBytes = int.MaxValue,
        MaxDepth = 64,
        MaxElements = int.MaxValue,
        MaxStringLength = int.MaxValue,
        MaxArrayLength = int.MaxValue,
        MaxInformParameters = int.MaxValue,
        MaxInformEvents = int.MaxValue,
    };
}
