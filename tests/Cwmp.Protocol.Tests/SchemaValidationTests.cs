using Cwmp.Protocol;
using Cwmp.Protocol.Tests.Infrastructure;
using Cwmp.Protocol.Tests.Samples;

namespace Cwmp.Protocol.Tests;

/// <summary>Every message the writer can emit validates against the BBF XSD of its version, 1.0 through 1.4.</summary>
public sealed class SchemaValidationTests
{
    public static TheoryData<string, string> Cases => SampleMessages.ByVersion();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Written_message_validates_against_the_bbf_schema(string sample, string version)
    {
        CwmpVersion cwmpVersion = CwmpVersion.TryParse(version, out CwmpVersion parsed) ? parsed : throw new ArgumentException(version);
        var envelope = new CwmpEnvelope(cwmpVersion.NamespaceUri, SampleHeaders.For(cwmpVersion), SampleMessages.Get(sample));

        foreach (CwmpWriterOptions options in new[] { CwmpWriterOptions.Default, new CwmpWriterOptions { BooleansAsDigits = true, XmlDeclaration = true, DateTimeFractions = true } })
        {
            byte[] bytes = CwmpWriter.WriteToArray(envelope, options);
            IReadOnlyList<string> errors = BbfSchemas.Validate(bytes, cwmpVersion);
            Assert.True(errors.Count == 0, $"{sample} in CWMP {version} ({options}):\n{string.Join('\n', errors)}\n{System.Text.Encoding.UTF8.GetString(bytes)}");
        }
    }

    [Fact]
    public void Every_registered_method_has_a_sample()
    {
        var sampled = SampleMessages.All().Select(m => m.MethodName).ToHashSet();
        var missing = Serialization.MessageRegistry.MethodNames.Where(name => !sampled.Contains(name)).Order().ToList();
        Assert.True(missing.Count == 0, "No sample for: " + string.Join(", ", missing));
    }
}
