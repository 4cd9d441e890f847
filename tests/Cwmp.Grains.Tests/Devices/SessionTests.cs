using Cwmp.Grains.Tests.Infrastructure;
using Cwmp.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cwmp.Grains.Tests.Devices;

/// <summary>The session state machine, driven POST by POST with the bytes CPEs send.</summary>
[Collection(ClusterTests.Name)]
public sealed class SessionTests(ClusterFixture fixture)
{
    [Fact]
    public void The_silo_clock_is_the_fake_one()
    {
        Assert.IsType<FakeTimeProvider>(fixture.SiloServices.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task Device2_boot_inform_is_answered_and_the_empty_post_ends_the_session()
    {
        var cpe = new Cpe(fixture, "S-D2-BOOT");

        SessionReply inform = await cpe.InformAsync("inform-device2-boot.xml");

        Assert.Equal(SessionReplyKind.Envelope, inform.Kind);
        Assert.NotNull(inform.SessionId);
        Assert.Equal(new CwmpEnvelope(CwmpNamespaces.Cwmp10, CwmpHeader.WithId("1"), new InformResponse(1)), inform.Envelope);

        SessionReply end = await cpe.EmptyAsync();

        Assert.Equal(SessionReplyKind.EndSession, end.Kind);
        Assert.Equal(inform.SessionId, end.SessionId);
        Assert.Null(end.Envelope);
        DeviceSummary summary = (await cpe.Grain.GetSummaryAsync())!;
        Assert.Equal(cpe.DeviceKey, summary.DeviceKey);
        Assert.Equal("Example", summary.Manufacturer);
        Assert.Equal("A1B2C3", summary.Oui);
        Assert.Equal("HomeGateway", summary.ProductClass);
        Assert.Equal("S-D2-BOOT", summary.SerialNumber);
        Assert.Equal("Device.", summary.DataModelRoot);
        Assert.Equal("1.0", summary.CwmpVersion);
        Assert.Equal("1.2.3", summary.SoftwareVersion);
        Assert.Equal("HW1.0", summary.HardwareVersion);
        Assert.Equal("", summary.ProvisioningCode);
        Assert.Equal("http://127.0.0.1:7548/cr", summary.ConnectionRequestUrl);
        Assert.Equal(["1 BOOT"], summary.LastEvents);
        Assert.Equal("192.0.2.10", summary.LastRemoteAddress);
        Assert.False(summary.InSession);
        Assert.Equal(0, summary.PendingTasks);
    }
}
