using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Cwmp.Protocol;
using Cwmp.Swarm.Http;
using Cwmp.Swarm.Swarm;

namespace Cwmp.Swarm.Cpe;

/// <summary>
/// One CWMP session of one device (TR-069 §3.7): Inform, the device's own requests (TransferComplete), then the
/// empty POST and the ACS's requests until the ACS ends the session with 204 or an empty 200. Bounded by the
/// session timeout and the number of RPCs.
/// </summary>
#pragma warning disable CA1001 // The connection lives for one RunAsync call, which disposes (or parks) it in its finally block.
internal sealed class CpeSession
#pragma warning restore CA1001
{
    private static long _ids;
    private readonly SimulatedCpe _cpe;
    private readonly SwarmContext _context;
    private readonly SessionEffects _effects;
    private readonly SessionCookies _cookies = new();
    private ClientAuthenticator _auth = null!;
    private CpeHttpConnection _http = null!;
    private Uri _uri = null!;

    private CpeSession(SimulatedCpe cpe, SwarmContext context, SessionEffects effects)
    {
        _cpe = cpe;
        _context = context;
        _effects = effects;
    }

    public static Task<SessionOutcome> RunAsync(SimulatedCpe cpe, SwarmContext context, IReadOnlyList<EventStruct> events, IReadOnlyList<CompletedTransfer> transfers, SessionEffects effects, CancellationToken cancellationToken) =>
        new CpeSession(cpe, context, effects).RunAsync(events, transfers, cancellationToken);

    private async Task<SessionOutcome> RunAsync(IReadOnlyList<EventStruct> events, IReadOnlyList<CompletedTransfer> transfers, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        bool acknowledged = false;
        string urlText = _cpe.Model.GetValue(_cpe.Template.Names.Url) ?? _cpe.AcsUrl;
        if (!LoopbackGuard.TryParseLoopback(urlText, out _uri) || !LoopbackGuard.TryGetLoopbackAddress(_uri, out IPAddress remote))
        {
            return new SessionOutcome { FailureKind = "acs-url-not-loopback" };
        }

        _auth = new ClientAuthenticator(
            _cpe.Model.GetValue(_cpe.Template.Names.Username) ?? _cpe.AcsUsername,
            _cpe.Model.GetValue(_cpe.Template.Names.Password) ?? _cpe.AcsPassword);
        _http = new CpeHttpConnection(_uri, remote, _context.Options.PerDeviceSourceAddress ? _cpe.SourceAddress : null, 16 * 1024 * 1024);
        bool parked = false;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_context.Options.SessionTimeout);
        CancellationToken token = timeout.Token;
        try
        {
            Inform inform = InformBuilder.Build(_cpe, events, _context.TimeProvider.GetUtcNow());
            CwmpEnvelope? reply = await ExchangeAsync(Envelope(NewId(), inform, inform: true), afterInform: false, token).ConfigureAwait(false);
            if (reply?.Body is CwmpFault fault)
            {
                throw new SessionFailureException("acs-fault-" + fault.FaultCode.ToString(CultureInfo.InvariantCulture), $"The ACS answered the Inform with fault {fault.FaultCode}.");
            }

            if (reply?.Body is not InformResponse)
            {
                throw new SessionFailureException("protocol", $"The ACS answered the Inform with {reply?.Body.MethodName ?? "nothing"}.");
            }

            acknowledged = true;
            foreach (EventStruct e in events)
            {
                _context.Statistics.EventSent(e.EventCode);
            }

            if (reply.Header.HoldRequests != true)
            {
                foreach (CompletedTransfer transfer in transfers)
                {
                    CwmpEnvelope? answer = await ExchangeAsync(Envelope(NewId(), transfer.Message), afterInform: true, token).ConfigureAwait(false);
                    if (answer?.Body is not TransferCompleteResponse)
                    {
                        throw new SessionFailureException("protocol", $"The ACS answered TransferComplete with {answer?.Body.MethodName ?? "nothing"}.");
                    }

                    _cpe.Extras?.CompletedTransfers?.Remove(transfer);
                }
            }

            var responder = new RpcResponder(_cpe, _context, _effects);
            CwmpEnvelope? next = await ExchangeAsync(null, afterInform: true, token).ConfigureAwait(false);
            for (int rpcs = 0; next is not null; rpcs++)
            {
                if (rpcs >= _context.Options.MaxRpcsPerSession)
                {
                    throw new SessionFailureException("too-many-rpcs", "The ACS sent more requests than the session allows.");
                }

                if (next.Body is not CwmpRequest request)
                {
                    throw new SessionFailureException("protocol", $"The ACS sent {next.Body.MethodName} where a request or the end of the session was expected.");
                }

                CwmpMessage answer = responder.Answer(request);
                _context.Statistics.Answered(request.MethodName);
                double dice = _context.Random.NextDouble();
                SwarmOptions options = _context.Options;
                if (dice < options.FaultTimeoutShare)
                {
                    // Stop talking but keep the connection open: the ACS must time the session out.
                    _context.Statistics.Injected("timeout");
                    parked = _context.Park(_http, options.SessionTimeout);
                    return Outcome(false, "injected", "timeout", acknowledged, started);
                }

                if (dice < options.FaultTimeoutShare + options.FaultDropShare)
                {
                    byte[] bytes = EnvelopeCodec.Write(Reply(next, answer), _cpe.Profile);
                    await _http.SendAndDropAsync(Request(bytes, bytes.Length / 2), token).ConfigureAwait(false);
                    _context.Statistics.Injected("drop");
                    return Outcome(false, "injected", "drop", acknowledged, started);
                }

                if (dice < options.FaultTimeoutShare + options.FaultDropShare + options.Fault9002Share)
                {
                    answer = CwmpFault.Create(FaultCodes.CpeInternalError);
                    _context.Statistics.Injected("9002");
                }

                next = await ExchangeAsync(Reply(next, answer), afterInform: true, token).ConfigureAwait(false);
            }

            return Outcome(true, null, null, acknowledged, started);
        }
        catch (SessionFailureException e)
        {
            return Outcome(false, e.Kind, null, acknowledged, started, e.RetryAfterSeconds);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Outcome(false, "timeout", null, acknowledged, started);
        }
        catch (OperationCanceledException)
        {
            return Outcome(false, "cancelled", null, acknowledged, started);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return Outcome(false, "connect-refused", null, acknowledged, started);
        }
        catch (SocketException)
        {
            return Outcome(false, "socket", null, acknowledged, started);
        }
        catch (IOException)
        {
            return Outcome(false, "connection-lost", null, acknowledged, started);
        }
        finally
        {
            if (!parked)
            {
                await _http.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private SessionOutcome Outcome(bool succeeded, string? failure, string? injected, bool acknowledged, long started, int? retryAfter = null) => new()
    {
        Succeeded = succeeded,
        FailureKind = failure,
        Injected = injected,
        InformAcknowledged = acknowledged,
        RetryAfterSeconds = retryAfter,
        Connections = _http?.Connections ?? 0,
        Duration = Stopwatch.GetElapsedTime(started),
    };

    private static string NewId() => "swarm-" + Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture);

    private CwmpEnvelope Envelope(string id, CwmpMessage body, bool inform = false)
    {
        CpeProfile profile = _cpe.Profile;
        CwmpHeader header = profile.NoSoapHeader
            ? CwmpHeader.Empty
            : inform && profile.SupportedVersions is not null
                ? new CwmpHeader { Id = id, SupportedCwmpVersions = profile.SupportedVersions }
                : CwmpHeader.WithId(id);
        return new CwmpEnvelope(profile.Namespace, header, body);
    }

    private CwmpEnvelope Reply(CwmpEnvelope request, CwmpMessage body) =>
        new(_cpe.Profile.Namespace, _cpe.Profile.NoSoapHeader || request.Header.Id is null ? CwmpHeader.Empty : CwmpHeader.WithId(request.Header.Id), body);

    private CpeHttpRequest Request(byte[] body, int? dropAfter = null) => new()
    {
        Body = body,
        Cookie = _cpe.Profile.NoCookies ? null : _cookies.Header,
        Authorization = _auth.Authorize("POST", _uri.PathAndQuery),
        Chunked = _cpe.Profile.Chunked,
        OmitContentType = _cpe.Profile.OmitContentType,
        SoapAction = body.Length > 2,
        DropAfterBytes = dropAfter,
    };

    /// <summary>Sends one POST (an envelope, or the empty POST for null) and returns the ACS's envelope, or null at the session's end.</summary>
    private async Task<CwmpEnvelope?> ExchangeAsync(CwmpEnvelope? envelope, bool afterInform, CancellationToken cancellationToken)
    {
        byte[] body = envelope is null
            ? (_cpe.Profile.WhitespaceEmptyPost ? "\r\n"u8.ToArray() : [])
            : EnvelopeCodec.Write(envelope, _cpe.Profile);
        for (int attempt = 0; ; attempt++)
        {
            CpeHttpResponse response = await _http.SendAsync(Request(body), cancellationToken).ConfigureAwait(false);
            if (!_cpe.Profile.NoCookies)
            {
                _cookies.Store(response.Headers.GetAll("Set-Cookie"));
            }

            if (response.StatusCode == 401)
            {
                if (attempt == 0 && _auth.Accept(response.Headers.GetAll("WWW-Authenticate")))
                {
                    continue;
                }

                throw new SessionFailureException("auth", "The ACS refused the device's credentials.");
            }

            if (response.StatusCode == 204 || (response.StatusCode == 200 && CwmpParser.IsEmptyBody(response.Body)))
            {
                return afterInform ? null : throw new SessionFailureException("protocol", "The ACS answered the Inform with an empty body.");
            }

            if (response.StatusCode != 200)
            {
                throw new SessionFailureException("http-" + response.StatusCode.ToString(CultureInfo.InvariantCulture), $"The ACS answered HTTP {response.StatusCode}.", response.RetryAfterSeconds);
            }

            return EnvelopeCodec.Read(response.Body);
        }
    }
}
