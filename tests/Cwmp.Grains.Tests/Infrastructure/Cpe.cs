using Cwmp.Protocol;

namespace Cwmp.Grains.Tests.Infrastructure;

/// <summary>
/// Plays one CPE against its device grain, POST by POST, the way a gateway hands the POSTs over: it keeps the
/// session id of the last answer (the gateway's cookie) and sends it back.
/// </summary>
internal sealed class Cpe
{
    private readonly ClusterFixture _fixture;

    public Cpe(ClusterFixture fixture, string serial, string remoteAddress = "192.0.2.10")
    {
        _fixture = fixture;
        Serial = serial;
        RemoteAddress = remoteAddress;
        DeviceKey = Protocol.DeviceKey.Format("A1B2C3", "HomeGateway", serial);
        Grain = fixture.Grains.GetGrain<IDeviceGrain>(DeviceKey);
    }

    public string Serial { get; }

    public string RemoteAddress { get; }

    public string DeviceKey { get; }

    public IDeviceGrain Grain { get; }

    public string? SessionId { get; private set; }

    /// <summary>Opens a session with a corpus Inform (the serial number made this CPE's).</summary>
    public Task<SessionReply> InformAsync(string file = "inform-device2-boot.xml") => PostAsync(CorpusFiles.FromDevice(file, Serial), newSession: true);

    public Task<SessionReply> EmptyAsync() => PostAsync(null);

    /// <summary>Answers the request that came with <paramref name="request"/> with a corpus file, under the request's cwmp:ID.</summary>
    public Task<SessionReply> AnswerAsync(SessionReply request, string file) => PostAsync(CorpusFiles.WithId(file, request.Envelope!.Header.Id!));

    public async Task<SessionReply> PostAsync(CwmpEnvelope? envelope, bool newSession = false)
    {
        SessionReply reply = await Grain.PostAsync(new SessionPost(newSession ? null : SessionId, envelope, RemoteAddress, null, _fixture.Time.GetUtcNow()));
        if (reply.SessionId is not null)
        {
            SessionId = reply.SessionId;
        }

        return reply;
    }

    /// <summary>Inform, then empty POSTs answered with nothing: a session in which the ACS sends nothing it must wait for.</summary>
    public async Task<SessionReply> PeriodicSessionAsync(string file = "inform-device2-boot.xml")
    {
        await InformAsync(file);
        return await EmptyAsync();
    }
}
