using Cwmp.Protocol;
using Cwmp.Swarm.Swarm;
using Cwmp.Swarm.Tests.Acs;

namespace Cwmp.Swarm.Tests;

/// <summary>Quirk profiles (checklist §6) on the wire, and injected faults.</summary>
public sealed class QuirkAndFaultTests
{
    public static TheoryData<string> ProfileNames() => [.. CpeProfile.Quirks.Select(q => q.Name)];

    private static async Task<SwarmHarness> QuirkyAsync(string profile, params CwmpRequest[] rpcs)
    {
        SwarmHarness h = await SwarmHarness.StartAsync(o => o with { QuirkShare = 1, QuirkProfiles = [profile] });
        Assert.Equal(profile, h.Device().Profile.Name);
        h.Acs.Enqueue(h.Key(), rpcs);
        await h.FirstContactAsync();
        return h;
    }

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public async Task Every_quirk_profile_holds_a_whole_session_with_the_ACS(string profile)
    {
        await using SwarmHarness h = await QuirkyAsync(
            profile,
            new GetParameterValues(["Device.WiFi.Radio.1.Enable"]),
            new SetParameterValues([new ParameterValueStruct("Device.WiFi.SSID.1.SSID", "Q")], "q"));
        Assert.Equal(0, h.Swarm.Context.Statistics.SessionsFailed);
        Assert.Equal(["0 BOOTSTRAP", "1 BOOT"], h.Acs.InformsOf(h.Key())[^1].EventCodes);
        Exchange[] exchanges = [.. h.Acs.ExchangesOf(h.Key())];
        Assert.Equal(2, exchanges.Length);
        string expectedBoolean = h.Device().Profile.BooleansAsDigits ? "1" : "true";
        Assert.Equal(expectedBoolean, ((GetParameterValuesResponse)exchanges[0].Answer).ParameterList[0].Value);
        Assert.Equal(new SetParameterValuesResponse(0), exchanges[1].Answer);
    }

    [Fact]
    public async Task Prefixes_content_type_chunking_header_and_declaration_show_on_the_wire()
    {
        await using (SwarmHarness h = await QuirkyAsync("huawei-like"))
        {
            string inform = h.Acs.Posts.First().Body;
            Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\"", inform, StringComparison.Ordinal);
            Assert.Contains("<cwmp:Inform>", inform, StringComparison.Ordinal);
            Assert.Contains("<SOAP-ENV:Body>", inform, StringComparison.Ordinal);
        }

        await using (SwarmHarness h = await QuirkyAsync("prefix-soapenv-ns1"))
        {
            string inform = h.Acs.Posts.First().Body;
            Assert.Contains("<soapenv:Header><ns1:ID soapenv:mustUnderstand=\"1\">", inform, StringComparison.Ordinal);
            Assert.Contains("soap-enc:arrayType=\"ns1:EventStruct[2]\"", inform, StringComparison.Ordinal);
            Assert.DoesNotContain("cwmp:", inform, StringComparison.Ordinal);
        }

        await using (SwarmHarness h = await QuirkyAsync("gsoap-like"))
        {
            ReceivedPost inform = h.Acs.Posts.First();
            Assert.Null(inform.ContentType);
            Assert.Equal("chunked", inform.TransferEncoding);
            Assert.DoesNotContain("Header", inform.Body, StringComparison.Ordinal);
            Assert.All(h.Acs.Posts, p => Assert.Null(p.Cookie));
        }

        await using (SwarmHarness h = await QuirkyAsync("cwmp-1-0", new GetRPCMethods(), new CancelTransfer("x")))
        {
            Assert.Equal(CwmpNamespaces.Cwmp10, h.Acs.Posts.First().Envelope!.CwmpNamespace);
            Assert.Equal(14, ((GetRPCMethodsResponse)h.Acs.Exchanges.First().Answer).MethodList.Count);
            Assert.Equal(9000, ((CwmpFault)h.Acs.Exchanges.Last().Answer).FaultCode);
        }

        await using (SwarmHarness h = await QuirkyAsync("cwmp-1-4-namespace"))
        {
            CwmpEnvelope inform = h.Acs.Posts.First().Envelope!;
            Assert.Equal(CwmpNamespaces.Cwmp14, inform.CwmpNamespace);
            Assert.Equal("1.0,1.1,1.2,1.3,1.4", inform.Header.SupportedCwmpVersions);
        }

        await using (SwarmHarness h = await QuirkyAsync("whitespace-empty-post"))
        {
            Assert.Equal("\r\n", h.Acs.Posts.Last().Body);
        }

        await using (SwarmHarness h = await QuirkyAsync("no-content-type"))
        {
            Assert.All(h.Acs.Posts, p => Assert.Null(p.ContentType));
        }

        await using (SwarmHarness h = await QuirkyAsync("chunked"))
        {
            Assert.Equal("chunked", h.Acs.Posts.First().TransferEncoding);
        }
    }

    [Fact]
    public async Task An_injected_9002_answers_the_request_with_an_internal_error()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync(o => o with { Fault9002Share = 1 });
        h.Acs.Enqueue(h.Key(), new GetParameterValues(["Device.DeviceInfo.SerialNumber"]));
        await h.FirstContactAsync();
        Assert.Equal(9002, ((CwmpFault)Assert.Single(h.Acs.Exchanges).Answer).FaultCode);
        Assert.Equal(1, h.Swarm.Context.Statistics.InjectedFaults["9002"]);
        Assert.Equal(0, h.Swarm.Context.Statistics.SessionsFailed);
    }

    [Fact]
    public async Task An_injected_drop_cuts_the_answer_and_the_device_retries_the_session()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync(o => o with { FaultDropShare = 1 }, random: 0);
        h.Acs.Enqueue(h.Key(), new GetParameterValues(["Device.DeviceInfo.SerialNumber"]));
        Task failed = h.WaitForTurnAsync(c => c.RetryCount == 1, "the dropped session");
        h.Swarm.ScheduleFirstContact(h.Device(), FirstContact.Bootstrap, h.Time.GetUtcNow().UtcTicks);
        await failed;
        Assert.Empty(h.Acs.Exchanges);
        Assert.Equal(1, h.Swarm.Context.Statistics.TotalFailuresOf("injected-drop"));
        Assert.True(h.Device().Bootstrapped);

        // The Inform was acknowledged, so its events are delivered; the retry is an Inform without them.
        Assert.Null(h.Device().PendingEvents?.FirstOrDefault());
    }

    [Fact]
    public async Task An_injected_timeout_stops_answering_and_keeps_the_connection_open()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync(o => o with { FaultTimeoutShare = 1 }, random: 0);
        h.Acs.Enqueue(h.Key(), new GetParameterValues(["Device.DeviceInfo.SerialNumber"]));
        Task failed = h.WaitForTurnAsync(c => c.RetryCount == 1, "the abandoned session");
        h.Swarm.ScheduleFirstContact(h.Device(), FirstContact.Bootstrap, h.Time.GetUtcNow().UtcTicks);
        await failed;
        Assert.Empty(h.Acs.Exchanges);
        Assert.Empty(h.Acs.EndedSessions);
        Assert.Equal(1, h.Swarm.Context.Statistics.InjectedFaults["timeout"]);
    }
}
