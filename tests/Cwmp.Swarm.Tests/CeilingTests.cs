using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Cwmp.Ceiling;
using Cwmp.Protocol;
using Cwmp.Swarm.Swarm;
using Cwmp.Swarm.Tests.Acs;
using Xunit.Abstractions;

namespace Cwmp.Swarm.Tests;

/// <summary>The benchmark's bare-Kestrel ceiling (loadtests/Cwmp.Ceiling) over real loopback HTTP, and the swarm against it.</summary>
[Collection(MeasurementGroup.Name)]
public sealed class CeilingTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_Inform_gets_the_canned_InformResponse_with_its_ID_and_namespace_and_a_session_cookie()
    {
        await using WebApplication ceiling = await StartAsync();
        using var client = new HttpClient { BaseAddress = CeilingServer.Address(ceiling), Timeout = Timeout };
        byte[] inform = CwmpWriter.WriteToArray(new CwmpEnvelope(CwmpNamespaces.Cwmp10, CwmpHeader.WithId("bench-42"), SampleInform()));

        using HttpResponseMessage response = await client.PostAsync(new Uri("/", UriKind.Relative), new ByteArrayContent(inform));
        byte[] body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml; charset=\"utf-8\"", response.Content.Headers.ContentType?.ToString());
        CwmpEnvelope reply = Assert.IsType<CwmpEnvelope>(CwmpParser.Parse(body));
        Assert.Equal(CwmpNamespaces.Cwmp10, reply.CwmpNamespace);
        Assert.Equal("bench-42", reply.Header.Id);
        Assert.Equal(new InformResponse(1), reply.Body);
        Assert.Equal(CwmpWriter.WriteToArray(new CwmpEnvelope(CwmpNamespaces.Cwmp10, CwmpHeader.WithId("bench-42"), new InformResponse())), body);
        string cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Equal("cwmp-session=ceiling-device-000000000000:0000000000000001; Path=/; HttpOnly", cookie);
    }

    [Fact]
    public async Task An_Inform_without_a_SOAP_header_gets_an_InformResponse_without_one()
    {
        await using WebApplication ceiling = await StartAsync();
        using var client = new HttpClient { BaseAddress = CeilingServer.Address(ceiling), Timeout = Timeout };
        byte[] inform = CwmpWriter.WriteToArray(new CwmpEnvelope(CwmpNamespaces.Cwmp12, CwmpHeader.Empty, SampleInform()));

        using HttpResponseMessage response = await client.PostAsync(new Uri("/", UriKind.Relative), new ByteArrayContent(inform));
        CwmpEnvelope reply = Assert.IsType<CwmpEnvelope>(CwmpParser.Parse(await response.Content.ReadAsByteArrayAsync()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(reply.Header.Id);
        Assert.Equal(CwmpNamespaces.Cwmp12, reply.CwmpNamespace);
        Assert.IsType<InformResponse>(reply.Body);
    }

    [Fact]
    public async Task The_empty_POST_gets_204_and_the_session_cookie_back()
    {
        await using WebApplication ceiling = await StartAsync();
        using var client = new HttpClient { BaseAddress = CeilingServer.Address(ceiling), Timeout = Timeout };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent("\r\n"u8.ToArray()) };
        request.Headers.Add("Cookie", "cwmp-session=ceiling-device-000000000000:00000000000000ab; Path=/");

        using HttpResponseMessage response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(["cwmp-session=ceiling-device-000000000000:00000000000000ab; Path=/; HttpOnly"], response.Headers.GetValues("Set-Cookie"));
    }

    [Fact]
    public async Task Anything_but_an_Inform_or_the_empty_POST_is_refused()
    {
        await using WebApplication ceiling = await StartAsync();
        using var client = new HttpClient { BaseAddress = CeilingServer.Address(ceiling), Timeout = Timeout };
        byte[] other = CwmpWriter.WriteToArray(new CwmpEnvelope(CwmpNamespaces.Cwmp12, CwmpHeader.WithId("1"), new GetRPCMethods()));

        using HttpResponseMessage get = await client.GetAsync(new Uri("/", UriKind.Relative));
        using HttpResponseMessage notInform = await client.PostAsync(new Uri("/", UriKind.Relative), new ByteArrayContent(other));
        using HttpResponseMessage tooLarge = await client.PostAsync(new Uri("/", UriKind.Relative), new ByteArrayContent(Encoding.ASCII.GetBytes(new string('x', CeilingHandler.MaxBodyBytes + 1))));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notInform.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
    }

    [Fact]
    public async Task The_swarm_completes_every_periodic_session_against_the_ceiling()
    {
        await using WebApplication ceiling = await StartAsync();
        var options = new SwarmOptions
        {
            AcsUrl = CeilingServer.Address(ceiling),
            Devices = 300,
            FirstContact = FirstContact.Periodic,
            PeriodicIntervalSeconds = 3600,
            RampSeconds = 0.5,
            MaxSessions = 300,
            Duration = TimeSpan.FromSeconds(60),
            Concurrency = 32,
            QuirkShare = 0.5,
            EnableConnectionRequests = false,
            Progress = false,
            OutputPath = null,
        };
        await using var swarm = new SwarmHost(options);

        SwarmReport report = await swarm.RunAsync(null, CancellationToken.None);
        output.WriteLine(report.Summary());

        Assert.Equal(300, report.SessionsSucceeded);
        Assert.Equal(0, report.SessionsFailed);
        Assert.Equal(300, report.DevicesInformed);
        Assert.Equal(new Dictionary<string, long> { ["2 PERIODIC"] = 300 }, report.EventsSent);
        Assert.True(report.Elapsed < TimeSpan.FromSeconds(60), "the run ended on --max-sessions, not on --duration");
    }

    [Fact]
    public async Task A_storm_run_until_all_informed_ends_when_the_last_device_is_in_and_says_when()
    {
        await using MiniAcs acs = await MiniAcs.StartAsync();
        int turnedAway = 0;
        acs.InformStatus = _ => Interlocked.Increment(ref turnedAway) <= 20 ? 503 : null;
        acs.RetryAfterSeconds = 1;
        var options = new SwarmOptions
        {
            AcsUrl = acs.Url,
            Devices = 200,
            Scenario = ScenarioKind.Storm,
            StormSeconds = 0.5,
            PeriodicIntervalSeconds = 3600,
            Duration = TimeSpan.FromSeconds(60),
            Concurrency = 32,
            UntilAllInformed = true,
            Progress = false,
            OutputPath = null,
        };
        await using var swarm = new SwarmHost(options);

        SwarmReport report = await swarm.RunAsync(null, CancellationToken.None);
        output.WriteLine(report.Summary());

        Assert.Equal(200, report.DevicesInformed);
        Assert.Equal(200, report.SessionsSucceeded);
        Assert.Equal(20, report.SessionsFailed);
        TimeSpan allInformed = Assert.NotNull(report.AllInformedAfter);
        Assert.InRange(allInformed, TimeSpan.FromSeconds(1), report.Elapsed);
        Assert.True(report.Elapsed < TimeSpan.FromSeconds(60), "the run ended when every device was in, not on --duration");
    }

    private static async Task<WebApplication> StartAsync()
    {
        WebApplication app = CeilingServer.Build(0);
        await app.StartAsync().WaitAsync(Timeout);
        return app;
    }

    private static Inform SampleInform() => new(
        new DeviceIdStruct("Bench", "00D09E", "Gateway", "SN0001"),
        [new EventStruct(EventCodes.Periodic)],
        1,
        new DateTimeOffset(2026, 12, 2, 7, 0, 0, TimeSpan.Zero),
        0,
        [new ParameterValueStruct("Device.DeviceInfo.SoftwareVersion", "1.0")]);
}
