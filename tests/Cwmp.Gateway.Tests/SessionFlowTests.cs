using System.Diagnostics;
using System.Net;
using Cwmp.Gateway.Tests.Grains;
using Cwmp.Gateway.Tests.Infrastructure;

namespace Cwmp.Gateway.Tests;

/// <summary>Whole sessions over real HTTP: how the gateway finds the session of each POST (ADR 0003).</summary>
[Collection(ClusterDefinition.Name)]
public sealed class SessionFlowTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Full_session_with_cookies_on_one_connection()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client);
        await using CpeConnection cpe = await gateway.ConnectAsync();
        string serial = Cpe.NewSerial();
        string key = CpeXml.DeviceKeyOf(serial);

        HttpReply informed = await cpe.PostAsync(Cpe.Inform(serial));
        Cpe.AssertInformResponse(informed);
        string cookie = informed.SessionCookie();
        Assert.StartsWith($"cwmp-session={key}:", cookie, StringComparison.Ordinal);
        Assert.Equal([$"{cookie}; Path=/; HttpOnly"], informed.HeaderValues("Set-Cookie"));

        HttpReply gpv = await cpe.PostAsync(Cpe.EmptyPost().With("Cookie", cookie));
        Cpe.AssertGetParameterValues(gpv);
        Assert.Equal(cookie, gpv.SessionCookie());

        HttpReply end = await cpe.PostAsync(Cpe.GpvResponse().With("Cookie", cookie));
        Cpe.AssertSessionEnd(end);

        DeviceProbe probe = await Probe(key);
        string session = cookie[(cookie.IndexOf(':', StringComparison.Ordinal) + 1)..];
        Assert.Equal(["Inform", "EmptyPost", "GetParameterValuesResponse"], probe.Methods);
        Assert.Equal([null, session, session], probe.SessionIds);
        Assert.Equal("127.0.0.1", probe.LastRemoteAddress);
        Assert.Null(probe.LastAuthenticatedAs);
    }

    [Fact]
    public async Task Cpe_that_drops_cookies_but_keeps_the_connection_is_followed_by_its_connection()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client, new Dictionary<string, string?> { ["Cwmp:Gateway:UseSessionLocator"] = "false" });
        await using CpeConnection cpe = await gateway.ConnectAsync();
        string serial = Cpe.NewSerial();

        Cpe.AssertInformResponse(await cpe.PostAsync(Cpe.Inform(serial)));
        Cpe.AssertGetParameterValues(await cpe.PostAsync(Cpe.EmptyPost()));
        Cpe.AssertSessionEnd(await cpe.PostAsync(Cpe.GpvResponse()));

        DeviceProbe probe = await Probe(CpeXml.DeviceKeyOf(serial));
        Assert.Equal(["Inform", "EmptyPost", "GetParameterValuesResponse"], probe.Methods);
        Assert.NotNull(probe.SessionIds[1]);
        Assert.Equal(probe.SessionIds[1], probe.SessionIds[2]);
    }

    [Fact]
    public async Task Every_post_on_a_new_connection_alternating_between_two_gateways()
    {
        await using GatewayHost first = await GatewayHost.StartAsync(cluster.Client);
        await using GatewayHost second = await GatewayHost.StartAsync(cluster.Client);
        string serial = Cpe.NewSerial();

        HttpReply informed = await PostOnNewConnection(first, Cpe.Inform(serial));
        Cpe.AssertInformResponse(informed);
        string cookie = informed.SessionCookie();
        Cpe.AssertGetParameterValues(await PostOnNewConnection(second, Cpe.EmptyPost().With("Cookie", cookie)));
        Cpe.AssertSessionEnd(await PostOnNewConnection(first, Cpe.GpvResponse().With("Cookie", cookie)));

        // And the next session starts on the other gateway.
        HttpReply again = await PostOnNewConnection(second, Cpe.Inform(serial, "2"));
        Cpe.AssertInformResponse(again, "2");
        Assert.NotEqual(cookie, again.SessionCookie());
        Cpe.AssertGetParameterValues(await PostOnNewConnection(first, Cpe.EmptyPost().With("Cookie", again.SessionCookie())));
        Cpe.AssertSessionEnd(await PostOnNewConnection(second, Cpe.GpvResponse().With("Cookie", again.SessionCookie())));
    }

    [Fact]
    public async Task Cpe_without_cookies_and_a_new_connection_per_post_is_found_by_the_locator_on_either_gateway()
    {
        await using GatewayHost first = await GatewayHost.StartAsync(cluster.Client);
        await using GatewayHost second = await GatewayHost.StartAsync(cluster.Client);
        IPAddress address = Cpe.NewLoopbackAddress();
        string serial = Cpe.NewSerial();

        Cpe.AssertInformResponse(await PostOnNewConnection(first, Cpe.Inform(serial), address));
        Cpe.AssertGetParameterValues(await PostOnNewConnection(second, Cpe.EmptyPost(), address));
        Cpe.AssertSessionEnd(await PostOnNewConnection(first, Cpe.GpvResponse(), address));

        // The session ended: a stray POST from there is refused.
        HttpReply stray = await PostOnNewConnection(second, Cpe.EmptyPost(), address);
        Assert.Equal(400, stray.Status);
        Assert.Equal(address.ToString(), (await Probe(CpeXml.DeviceKeyOf(serial))).LastRemoteAddress);
    }

    [Fact]
    public async Task Two_open_sessions_behind_one_address_are_never_guessed()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client);
        IPAddress address = Cpe.NewLoopbackAddress();
        string first = Cpe.NewSerial(), second = Cpe.NewSerial();
        Cpe.AssertInformResponse(await PostOnNewConnection(gateway, Cpe.Inform(first), address));
        Cpe.AssertInformResponse(await PostOnNewConnection(gateway, Cpe.Inform(second), address));

        HttpReply ambiguous = await PostOnNewConnection(gateway, Cpe.EmptyPost(), address);

        Assert.Equal(400, ambiguous.Status);
        Assert.Equal(["Inform"], (await Probe(CpeXml.DeviceKeyOf(first))).Methods);
        Assert.Equal(["Inform"], (await Probe(CpeXml.DeviceKeyOf(second))).Methods);
        Assert.Contains(gateway.Logs.GetSnapshot(), r => r.Level == Microsoft.Extensions.Logging.LogLevel.Warning && r.Message.Contains("belongs to no known session", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_post_without_any_session_is_refused_with_400()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client);

        HttpReply reply = await PostOnNewConnection(gateway, Cpe.EmptyPost(), Cpe.NewLoopbackAddress());

        Assert.Equal(400, reply.Status);
        Assert.Equal("This POST belongs to no known CWMP session: a session starts with an Inform.\n", reply.Text);
    }

    [Fact]
    public async Task Cookies_echoed_back_with_their_attributes_and_the_stale_cookie_of_the_previous_session()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client);
        await using CpeConnection cpe = await gateway.ConnectAsync();
        string serial = Cpe.NewSerial();

        string echoed = (await cpe.PostAsync(Cpe.Inform(serial))).HeaderValues("Set-Cookie").Single();
        Cpe.AssertGetParameterValues(await cpe.PostAsync(Cpe.EmptyPost().With("Cookie", echoed)));
        Cpe.AssertSessionEnd(await cpe.PostAsync(Cpe.GpvResponse().With("Cookie", echoed)));

        // The next session's Inform carries the old session's cookie; its reply sets the new one.
        await using CpeConnection next = await gateway.ConnectAsync();
        HttpReply informed = await next.PostAsync(Cpe.Inform(serial, "2").With("Cookie", echoed));
        Cpe.AssertInformResponse(informed, "2");
        string fresh = informed.SessionCookie();
        Assert.NotEqual(echoed.Split(';')[0], fresh);
        Cpe.AssertGetParameterValues(await next.PostAsync(Cpe.EmptyPost().With("Cookie", $"other=1; {echoed.Split(';')[0]}; {fresh}; $Path=/")));
        Cpe.AssertSessionEnd(await next.PostAsync(Cpe.GpvResponse().With("Cookie", fresh)));
    }

    [Theory]
    [InlineData("Content-Length: 0")]
    [InlineData("no length at all")]
    [InlineData("whitespace only")]
    public async Task Every_form_of_the_empty_post_continues_the_session(string form)
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client);
        await using CpeConnection cpe = await gateway.ConnectAsync();
        Cpe.AssertInformResponse(await cpe.PostAsync(Cpe.Inform(Cpe.NewSerial())));

        CpeRequest empty = form switch
        {
            "Content-Length: 0" => Cpe.EmptyPost(),
            "no length at all" => Cpe.EmptyPost().Framed(Framing.None).Without("Content-Type"),
            _ => new CpeRequest("a whitespace-only POST", " \r\n\t \n"),
        };

        Cpe.AssertGetParameterValues(await cpe.PostAsync(empty));
    }

    [Fact]
    public async Task Device_quirks_shape_the_reply_xml_declaration_and_the_empty_200_at_the_end()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client);
        await using CpeConnection cpe = await gateway.ConnectAsync();

        HttpReply informed = await cpe.PostAsync(Cpe.Inform(Cpe.NewSerial("QUIRK")));
        Cpe.AssertInformResponse(informed);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap-env:Envelope", informed.Text, StringComparison.Ordinal);
        Cpe.AssertGetParameterValues(await cpe.PostAsync(Cpe.EmptyPost()));

        HttpReply end = await cpe.PostAsync(Cpe.GpvResponse());
        Assert.Equal(200, end.Status);
        Assert.Equal("0", end.Header("Content-Length"));
        Assert.Empty(end.Body);
    }

    [Fact]
    public async Task Each_post_is_a_span_named_by_its_rpc_and_tagged_with_device_and_session()
    {
        string serial = Cpe.NewSerial();
        string key = CpeXml.DeviceKeyOf(serial);
        var spans = new System.Collections.Concurrent.ConcurrentQueue<Activity>();
        var allStopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CwmpGatewayDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("cwmp.device_key"), key))
                {
                    spans.Enqueue(activity);
                    if (spans.Count == 3)
                    {
                        allStopped.TrySetResult();
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client);
        await using CpeConnection cpe = await gateway.ConnectAsync();

        string cookie = (await cpe.PostAsync(Cpe.Inform(serial))).SessionCookie();
        await cpe.PostAsync(Cpe.EmptyPost().With("Cookie", cookie));
        await cpe.PostAsync(Cpe.GpvResponse().With("Cookie", cookie));

        // The last span ends after its reply is on the wire (the locator is told afterwards).
        await Wait.ForAsync(allStopped.Task, () => $"the three spans of {key} to stop (stopped: {string.Join(", ", spans.Select(s => s.DisplayName))})");
        string session = cookie[(cookie.IndexOf(':', StringComparison.Ordinal) + 1)..];
        Assert.Equal(
            [("Inform", session, "envelope"), ("EmptyPost", session, "envelope"), ("GetParameterValuesResponse", session, "session_end")],
            spans.Select(s => (s.DisplayName, s.GetTagItem("cwmp.session_id") as string, s.GetTagItem("cwmp.outcome") as string)));
    }

    private Task<DeviceProbe> Probe(string deviceKey) => cluster.Client.GetGrain<IDeviceProbeGrain>(deviceKey).GetProbeAsync();

    private static async Task<HttpReply> PostOnNewConnection(GatewayHost gateway, CpeRequest request, IPAddress? from = null)
    {
        await using CpeConnection connection = await gateway.ConnectAsync(from);
        return await connection.PostAsync(request);
    }
}
