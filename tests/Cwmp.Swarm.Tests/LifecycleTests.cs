using System.Security.Cryptography;
using Cwmp.Protocol;

namespace Cwmp.Swarm.Tests;

/// <summary>Requests that act after the session: Reboot, FactoryReset, ScheduleInform, diagnostics.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task Reboot_is_followed_by_a_1_BOOT_session_with_M_Reboot_and_its_CommandKey()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        await h.FirstContactAsync();
        IReadOnlyList<CwmpMessage> answers = await h.RunRpcsAsync(new Reboot("reboot-42"));
        Assert.Equal(new RebootResponse(), answers[0]);
        Assert.True(h.Device().IsRebooting);

        var boot = await h.AdvanceToSessionAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["1 BOOT", "M Reboot"], boot.EventCodes);
        Assert.Equal("reboot-42", boot.Inform.Events[1].CommandKey);
    }

    [Fact]
    public async Task A_connection_request_during_a_reboot_is_not_answered()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        await h.FirstContactAsync();
        await h.RunRpcsAsync(new Reboot("r"));
        using var client = new HttpClient(new HttpClientHandler { Credentials = new System.Net.NetworkCredential(h.Device().ConnectionRequestUsername, h.Device().ConnectionRequestPassword), UseProxy = false });
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(h.Device().ConnectionRequestUrl));
    }

    [Fact]
    public async Task FactoryReset_restores_the_template_and_bootstraps_again()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        await h.FirstContactAsync();
        await h.RunRpcsAsync(
            new SetParameterValues([new ParameterValueStruct("Device.WiFi.SSID.1.SSID", "Changed")], "pk-1"),
            new AddObject("Device.NAT.PortMapping.", "pk-2"),
            new FactoryReset());
        Assert.True(h.Device().IsRebooting);

        var boot = await h.AdvanceToSessionAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["0 BOOTSTRAP", "1 BOOT"], boot.EventCodes);
        Assert.Equal(string.Empty, boot.Parameter("Device.ManagementServer.ParameterKey"));
        IReadOnlyList<CwmpMessage> answers = await h.RunRpcsAsync(new GetParameterValues(["Device.WiFi.SSID.1.SSID"]), new GetParameterNames("Device.NAT.PortMapping.", true));
        Assert.Equal("Swarm-0000", ((GetParameterValuesResponse)answers[0]).ParameterList[0].Value);
        Assert.Equal(2, ((GetParameterNamesResponse)answers[1]).ParameterList.Count);
        Assert.Null(h.Device().Overlay?.Values?.GetValueOrDefault("Device.WiFi.SSID.1.SSID"));
    }

    [Fact]
    public async Task ScheduleInform_comes_back_after_its_delay_with_3_SCHEDULED()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        await h.FirstContactAsync();
        IReadOnlyList<CwmpMessage> answers = await h.RunRpcsAsync(new ScheduleInform(30, "si-1"), new ScheduleInform(0, "si-0"));
        Assert.Equal(new ScheduleInformResponse(), answers[0]);
        Assert.Equal(9003, ((CwmpFault)answers[1]).FaultCode);

        h.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(2, h.Acs.InformsOf(h.Key()).Count);
        var scheduled = await h.AdvanceToSessionAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(["3 SCHEDULED", "M ScheduleInform"], scheduled.EventCodes);
        Assert.Equal("si-1", scheduled.Inform.Events[1].CommandKey);
    }

    [Fact]
    public async Task IPPing_diagnostics_complete_with_8_DIAGNOSTICS_COMPLETE_and_plausible_results()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        await h.FirstContactAsync();
        IReadOnlyList<CwmpMessage> answers = await h.RunRpcsAsync(new SetParameterValues(
            [
                new ParameterValueStruct("Device.IP.Diagnostics.IPPing.Host", "127.0.0.1"),
                new ParameterValueStruct("Device.IP.Diagnostics.IPPing.NumberOfRepetitions", "3", "xsd:unsignedInt"),
                new ParameterValueStruct("Device.IP.Diagnostics.IPPing.DiagnosticsState", "Requested"),
            ],
            "diag"));
        Assert.Equal(new SetParameterValuesResponse(0), answers[0]);

        h.Acs.Enqueue(h.Key(), new GetParameterValues(["Device.IP.Diagnostics.IPPing."]));
        var done = await h.AdvanceToSessionAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(["8 DIAGNOSTICS COMPLETE"], done.EventCodes);
        var results = ((GetParameterValuesResponse)h.Acs.ExchangesOf(h.Key())[^1].Answer).ParameterList.AsSpan().ToArray().ToDictionary(p => p.Name[("Device.IP.Diagnostics.IPPing.".Length)..], p => p.Value);
        Assert.Equal("Complete", results["DiagnosticsState"]);
        Assert.Equal("3", results["SuccessCount"]);
        Assert.Equal("0", results["FailureCount"]);
        Assert.Equal("0", results["AverageResponseTime"]);
        Assert.InRange(int.Parse(results["AverageResponseTimeDetailed"], System.Globalization.CultureInfo.InvariantCulture), 50, 250);
    }

    [Fact]
    public async Task TraceRoute_diagnostics_create_RouteHops_instances()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        await h.FirstContactAsync();
        await h.RunRpcsAsync(new SetParameterValues(
            [
                new ParameterValueStruct("Device.IP.Diagnostics.TraceRoute.Host", "198.51.100.7"),
                new ParameterValueStruct("Device.IP.Diagnostics.TraceRoute.DiagnosticsState", "Requested"),
            ],
            "tr"));
        h.Acs.Enqueue(h.Key(), new GetParameterValues(["Device.IP.Diagnostics.TraceRoute.RouteHopsNumberOfEntries", "Device.IP.Diagnostics.TraceRoute.DiagnosticsState"]), new GetParameterNames("Device.IP.Diagnostics.TraceRoute.RouteHops.", true));
        var done = await h.AdvanceToSessionAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(["8 DIAGNOSTICS COMPLETE"], done.EventCodes);
        var exchanges = h.Acs.ExchangesOf(h.Key());
        var values = ((GetParameterValuesResponse)exchanges[^2].Answer).ParameterList;
        int hops = int.Parse(values[0].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Complete", values[1].Value);
        Assert.InRange(hops, 4, 9);
        Assert.Equal(
            Enumerable.Range(1, hops).Select(i => $"Device.IP.Diagnostics.TraceRoute.RouteHops.{i}."),
            ((GetParameterNamesResponse)exchanges[^1].Answer).ParameterList.AsSpan().ToArray().Select(p => p.Name));
    }

    [Fact]
    public async Task Download_diagnostics_really_fetch_a_loopback_URL()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        h.Acs.Files["speed.bin"] = new byte[200_000];
        await h.FirstContactAsync();
        await h.RunRpcsAsync(new SetParameterValues(
            [
                new ParameterValueStruct("Device.IP.Diagnostics.DownloadDiagnostics.DownloadURL", h.Acs.FileUrl("speed.bin")),
                new ParameterValueStruct("Device.IP.Diagnostics.DownloadDiagnostics.DiagnosticsState", "Requested"),
            ],
            "dd"));
        h.Acs.Enqueue(h.Key(), new GetParameterValues(["Device.IP.Diagnostics.DownloadDiagnostics.DiagnosticsState", "Device.IP.Diagnostics.DownloadDiagnostics.TestBytesReceived"]));
        await h.AdvanceToSessionAsync(TimeSpan.FromSeconds(2));
        var values = ((GetParameterValuesResponse)h.Acs.ExchangesOf(h.Key())[^1].Answer).ParameterList;
        Assert.Equal(["Complete", "200000"], values.AsSpan().ToArray().Select(v => v.Value));
    }

    internal static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
