using Cwmp.Protocol;

namespace Cwmp.Server.Tests.EndToEnd;

/// <summary>The project's own meters reach the Prometheus endpoint of a real host.</summary>
public sealed class TelemetryEndToEndTests(SharedHostFixture fixture) : IClassFixture<SharedHostFixture>
{
    [Fact]
    public async Task Gateway_and_grain_metrics_are_exported_on_the_nbi_port()
    {
        using (var cpe = new ScriptedCpe(fixture.Server.Ports.Cwmp))
        {
            CpeReply informed = await cpe.PostAsync(CpeMessages.Inform(CpeMessages.Cwmp10, "Device.", "TELEMETRY01", "1", EventCodes.Periodic));
            Assert.IsType<InformResponse>(informed.Envelope?.Body);
            Assert.Equal(System.Net.HttpStatusCode.NoContent, (await cpe.PostAsync(null)).Status);
        }

        using var http = new HttpClient();
        string metrics = await http.GetStringAsync(new Uri($"http://127.0.0.1:{fixture.Server.Ports.Nbi}/metrics"));

        Assert.Contains("cwmp_gateway_requests", metrics, StringComparison.Ordinal);
        Assert.Contains("cwmp_informs", metrics, StringComparison.Ordinal);
    }
}
