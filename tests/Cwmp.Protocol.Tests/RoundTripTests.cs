using Cwmp.Protocol;
using Cwmp.Protocol.Tests.Samples;

namespace Cwmp.Protocol.Tests;

/// <summary>parse(write(m)) == m for every message type, in every version and every writer option set.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<string, string> Cases => SampleMessages.ByVersion();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_of_write_gives_the_same_envelope(string sample, string version)
    {
        CwmpVersion cwmpVersion = CwmpVersion.TryParse(version, out CwmpVersion parsed) ? parsed : throw new ArgumentException(version);
        var envelope = new CwmpEnvelope(cwmpVersion.NamespaceUri, SampleHeaders.For(cwmpVersion), SampleMessages.Get(sample));

        foreach (CwmpWriterOptions options in new[] { CwmpWriterOptions.Default, new CwmpWriterOptions { BooleansAsDigits = true, XmlDeclaration = true, DateTimeFractions = true } })
        {
            byte[] bytes = CwmpWriter.WriteToArray(envelope, options);
            CwmpEnvelope? back = CwmpParser.Parse(bytes);
            Assert.Equal(envelope, back);
        }
    }
}
