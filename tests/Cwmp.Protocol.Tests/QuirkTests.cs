using System.Text;
using Cwmp.Protocol.Tests.Infrastructure;

namespace Cwmp.Protocol.Tests;

/// <summary>
/// The quirk classes of checklist §6 and §8, each from the exact bytes such a CPE sends (Corpus/quirk*.xml),
/// with every field that the quirk touches asserted.
/// </summary>
public sealed class QuirkTests
{
    private static Inform ParseInform(string file, out CwmpEnvelope envelope) => ParseInform(Corpus.Read(file), out envelope);

    private static Inform ParseInform(byte[] body, out CwmpEnvelope envelope, Encoding? charset = null)
    {
        envelope = CwmpParser.Parse(body, charset: charset) ?? throw new Xunit.Sdk.XunitException("parsed as an empty POST");
        return Assert.IsType<Inform>(envelope.Body);
    }

    [Theory]
    [InlineData("quirk01-prefix-soapenv.xml")]
    [InlineData("quirk01-prefix-soap_env.xml")]
    [InlineData("quirk01-prefix-soap.xml")]
    [InlineData("quirk01-prefix-cwmp-renamed.xml")]
    public void Any_envelope_prefix_parses_like_the_standard_one(string file)
    {
        Inform baseline = ParseInform("inform-device2-boot.xml", out _);
        Inform inform = ParseInform(file, out CwmpEnvelope envelope);

        Assert.Equal("1", envelope.Header.Id);
        Assert.Equal(CwmpNamespaces.Cwmp10, envelope.CwmpNamespace);
        Assert.Equal(baseline.DeviceId, inform.DeviceId);
        Assert.Equal(baseline.ParameterList, inform.ParameterList);
        Assert.Equal([new EventStruct(EventCodes.Periodic)], inform.Events.ToArray());
    }

    [Fact]
    public void MikroTik_soap_prefix_bound_to_the_encoding_namespace_is_accepted()
    {
        Inform inform = ParseInform("quirk01-mikrotik-soap-is-encoding.xml", out CwmpEnvelope envelope);

        Assert.Equal("1", envelope.Header.Id);
        Assert.Equal(new DeviceIdStruct("MikroTik", "E48D8C", "hAP ac", "8A2C0A1B2C3D"), inform.DeviceId);
        Assert.Equal(new ParameterValueStruct("Device.DeviceInfo.SoftwareVersion", "7.16.1"), Assert.Single(inform.ParameterList));
    }

    [Fact]
    public void Charset_comes_from_the_xml_declaration_when_the_header_names_none()
    {
        Inform inform = ParseInform("quirk02-charset-in-declaration-latin1.xml", out _);

        Assert.Equal("Société Générale Réseaux", inform.DeviceId.Manufacturer);
        Assert.Equal("Passerelle café", inform.ParameterList[0].Value);
    }

    [Fact]
    public void Charset_of_the_content_type_header_wins_over_the_declaration()
    {
        byte[] latin1 = Encoding.Latin1.GetBytes(Encoding.UTF8.GetString(Corpus.Read("inform-device2-boot.xml"))
            .Replace("<Manufacturer>Example</Manufacturer>", "<Manufacturer>Exémple</Manufacturer>", StringComparison.Ordinal));

        Inform inform = ParseInform(latin1, out _, Encoding.Latin1);

        Assert.Equal("Exémple", inform.DeviceId.Manufacturer);
    }

    [Fact]
    public void Envelope_without_header_has_no_id_and_parses()
    {
        Inform inform = ParseInform("quirk04-no-header.xml", out CwmpEnvelope envelope);

        Assert.Same(CwmpHeader.Empty, envelope.Header);
        Assert.Null(envelope.Header.Id);
        Assert.Equal("HG-000001", inform.DeviceId.SerialNumber);
    }

    [Fact]
    public void A_textual_id_is_kept_verbatim_and_echoed_in_the_reply()
    {
        ParseInform("quirk04-id-inform.xml", out CwmpEnvelope envelope);

        CwmpEnvelope reply = envelope.Reply(new InformResponse());
        string written = Encoding.UTF8.GetString(CwmpWriter.WriteToArray(reply));

        Assert.Equal("inform", envelope.Header.Id);
        Assert.Contains("<cwmp:ID soap-env:mustUnderstand=\"1\">inform</cwmp:ID>", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\r\n")]
    [InlineData("\n\t  \r\n")]
    [InlineData("\uFEFF")]
    public void Empty_post_in_any_form_is_empty(string body)
    {
        Assert.Null(CwmpParser.Parse(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public async Task Empty_post_from_a_stream_is_empty()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("  \r\n"));
        Assert.Null(await CwmpParser.ParseAsync(stream));
    }

    [Fact]
    public void Current_time_without_zone_is_taken_as_utc()
    {
        Inform inform = ParseInform("quirk06-time-without-zone.xml", out _);

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero), inform.CurrentTime.Value);
    }

    [Fact]
    public void Current_time_in_1970_is_kept()
    {
        Inform inform = ParseInform("quirk06-time-1970.xml", out _);

        Assert.Equal(new DateTimeOffset(1970, 1, 1, 0, 2, 13, TimeSpan.Zero), inform.CurrentTime.Value);
    }

    [Fact]
    public void Invalid_current_time_is_kept_as_raw_text()
    {
        Inform inform = ParseInform("quirk06-time-invalid.xml", out _);

        Assert.Null(inform.CurrentTime.Value);
        Assert.Equal("Thu Jan  1 00:02:13 1970", inform.CurrentTime.Raw);
        Assert.Equal("Thu Jan  1 00:02:13 1970", inform.CurrentTime.Format(withFraction: false));
    }

    [Fact]
    public void Value_without_xsi_type_is_a_string()
    {
        Inform inform = ParseInform("quirk07-value-without-xsi-type.xml", out _);

        Assert.All(inform.ParameterList, p => Assert.Equal("xsd:string", p.Type));
        Assert.Equal("false", inform.ParameterList.Single(p => p.Name.EndsWith("AliasBasedAddressing", StringComparison.Ordinal)).Value);
    }

    [Fact]
    public void Missing_and_self_closed_values_are_empty_strings()
    {
        Inform inform = ParseInform("quirk07-missing-and-self-closed-value.xml", out _);

        Assert.Equal(
            [
                new ParameterValueStruct("Device.DeviceInfo.ProvisioningCode", ""),
                new ParameterValueStruct("Device.ManagementServer.ParameterKey", ""),
                new ParameterValueStruct("Device.DeviceInfo.SoftwareVersion", "2.0"),
            ],
            inform.ParameterList.ToArray());
    }

    [Fact]
    public void Arrays_without_array_type_are_read()
    {
        Inform withType = ParseInform("inform-igd-periodic-huawei.xml", out _);
        Inform without = ParseInform("quirk07-arrays-without-arraytype.xml", out _);

        Assert.Equal(8, without.ParameterList.Count);
        Assert.Equal(withType.ParameterList, without.ParameterList);
        Assert.Equal(withType.Events, without.Events);
    }

    [Fact]
    public void Invalid_xml_characters_are_stripped_from_values()
    {
        Inform inform = ParseInform("quirk11-invalid-xml-characters.xml", out _);

        Assert.Equal("Gateway", inform.ParameterList[0].Value);
    }

    [Fact]
    public void Duplicated_inform_parameters_are_all_kept_in_order()
    {
        Inform inform = ParseInform("quirk14-duplicated-parameters.xml", out _);

        Assert.Equal(8, inform.ParameterList.Count);
        Assert.Equal(2, inform.ParameterList.Count(p => p.Name == "Device.DeviceInfo.SoftwareVersion"));
    }

    [Theory]
    [InlineData("quirk-namespace-cwmp-1-3.xml", "urn:dslforum-org:cwmp-1-3")]
    [InlineData("quirk-namespace-cwmp-1-4-negotiation.xml", "urn:dslforum-org:cwmp-1-4")]
    public void Unofficial_namespaces_are_accepted_and_echoed_exactly(string file, string ns)
    {
        ParseInform(file, out CwmpEnvelope envelope);

        byte[] reply = CwmpWriter.WriteToArray(envelope.Reply(new InformResponse()));

        Assert.Equal(ns, envelope.CwmpNamespace);
        Assert.Contains($"xmlns:cwmp=\"{ns}\"", Encoding.UTF8.GetString(reply), StringComparison.Ordinal);
    }

    [Fact]
    public void Version_1_4_headers_are_read_and_negotiated()
    {
        ParseInform("quirk-namespace-cwmp-1-4-negotiation.xml", out CwmpEnvelope envelope);

        Assert.Equal(45u, envelope.Header.SessionTimeout);
        Assert.Equal("1.0,1.1,1.2,1.3,1.4", envelope.Header.SupportedCwmpVersions);
        Assert.True(CwmpVersionNegotiation.TryNegotiate(envelope.Header.SupportedCwmpVersions, envelope.CwmpNamespace, null, out CwmpVersion version));
        Assert.Equal(CwmpVersion.Version14, version);
    }

    [Fact]
    public void Header_names_are_matched_case_insensitively_and_issue1_no_more_requests_is_read()
    {
        ParseInform("quirk-header-lowercase-and-nomorerequests.xml", out CwmpEnvelope envelope);

        Assert.Equal(20u, envelope.Header.SessionTimeout);
        Assert.True(envelope.Header.NoMoreRequests);
    }

    [Theory]
    [InlineData("quirk-pretty-printed-crlf.xml")]
    [InlineData("quirk-utf8-bom.xml")]
    [InlineData("quirk-qualified-children.xml")]
    [InlineData("quirk-single-quoted-attributes.xml")]
    public void Formatting_variants_parse_like_the_compact_form(string file)
    {
        Inform compact = ParseInform("inform-device2-boot.xml", out _);
        Inform variant = ParseInform(file, out _);

        Assert.Equal(compact.DeviceId, variant.DeviceId);
        Assert.Equal(compact.ParameterList, variant.ParameterList);
        Assert.Equal(compact.CurrentTime, variant.CurrentTime);
    }

    [Fact]
    public void Cdata_values_are_read_as_text()
    {
        Inform inform = ParseInform("quirk-cdata-value.xml", out _);

        Assert.Equal("a<b & c", inform.ParameterList[0].Value);
    }

    [Fact]
    public void Escaped_values_are_unescaped()
    {
        Inform inform = ParseInform("inform-value-change.xml", out _);

        Assert.Equal("home-5G & guests", inform.ParameterList.Single(p => p.Name == "Device.WiFi.SSID.1.SSID").Value);
    }
}
