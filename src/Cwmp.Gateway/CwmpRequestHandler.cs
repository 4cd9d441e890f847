using System.Diagnostics;
using System.Net;
using Cwmp.Gateway.Authentication;
using Cwmp.Gateway.Diagnostics;
using Cwmp.Gateway.Http;
using Cwmp.Gateway.Sessions;
using Cwmp.Grains;
using Cwmp.Protocol;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cwmp.Gateway;

/// <summary>
/// One CWMP POST, end to end (ADR 0003): authenticate from the headers, read and decode the body, parse it, find the
/// device and session, check the identity and the admission limit, hand the POST to the device grain and write its
/// reply. Every way out is a status code, a log line and a metric; nothing escapes to the server.
/// </summary>
internal sealed class CwmpRequestHandler
{
    private static readonly ActivitySource Source = new(CwmpGatewayDiagnostics.ActivitySourceName);

    private readonly IGrainFactory _grains;
    private readonly CpeAuthenticator _authenticator;
    private readonly SessionResolver _resolver;
    private readonly SessionLocatorClient _locator;
    private readonly SessionTable _sessions;
    private readonly RetryAfterPolicy _retryAfter;
    private readonly GatewayMetrics _metrics;
    private readonly IOptionsMonitor<CwmpGatewayOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private CwmpParserOptions _parserOptions = CwmpParserOptions.Default;

    public CwmpRequestHandler(
        IGrainFactory grains,
        CpeAuthenticator authenticator,
        DigestNonceService nonces,
        SessionResolver resolver,
        SessionLocatorClient locator,
        SessionTable sessions,
        RetryAfterPolicy retryAfter,
        GatewayMetrics metrics,
        IOptionsMonitor<CwmpGatewayOptions> options,
        TimeProvider time,
        ILogger<CwmpRequestHandler> logger)
    {
        _grains = grains;
        _authenticator = authenticator;
        _resolver = resolver;
        _locator = locator;
        _sessions = sessions;
        _retryAfter = retryAfter;
        _metrics = metrics;
        _options = options;
        _time = time;
        _logger = logger;
        if (authenticator.IsRequired && nonces.IsEphemeral)
        {
            logger.EphemeralNonceSecret();
        }
    }

    public async Task HandleAsync(HttpContext context)
    {
        long started = _time.GetTimestamp();
        string remote = RemoteAddress(context);
        using Activity? activity = Source.StartActivity("CWMP POST");
        RequestOutcome outcome;
        try
        {
            outcome = await ProcessAsync(context, activity, remote).ConfigureAwait(false);
        }
        catch (Exception e) when (context.RequestAborted.IsCancellationRequested || e is ConnectionResetException)
        {
            _logger.ClientClosed(remote);
            outcome = RequestOutcome.ClientClosed;
        }
        catch (BadHttpRequestException e)
        {
            // Broken framing while reading the body (bad chunk, body shorter than its Content-Length).
            _logger.BadFraming(remote, e.Message, e.StatusCode);
            outcome = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? RequestOutcome.PayloadTooLarge : RequestOutcome.ParseError;
            WriteIfNotStarted(context.Response, e.StatusCode, "The HTTP request body is malformed.");
        }
        catch (IOException)
        {
            _logger.ClientClosed(remote);
            outcome = RequestOutcome.ClientClosed;
        }
        catch (Exception e)
        {
            _logger.UnexpectedError(e, remote);
            outcome = RequestOutcome.InternalError;
            WriteIfNotStarted(context.Response, StatusCodes.Status500InternalServerError, "Internal error.");
        }

        activity?.SetTag("cwmp.outcome", outcome.Name());
        if (outcome is not (RequestOutcome.Envelope or RequestOutcome.Fault or RequestOutcome.SessionEnd))
        {
            activity?.SetStatus(ActivityStatusCode.Error, outcome.Name());
        }

        _metrics.Request(outcome, _time.GetElapsedTime(started));
    }

    private async Task<RequestOutcome> ProcessAsync(HttpContext context, Activity? activity, string remote)
    {
        CwmpGatewayOptions settings = _options.CurrentValue;
        HttpRequest request = context.Request;
        HttpResponse response = context.Response;
        ConnectionSessionState? connection = settings.UseConnectionAffinity ? ConnectionSessionState.Of(context) : null;

        AuthenticationResult auth = await _authenticator.AuthenticateAsync(context, connection, context.RequestAborted).ConfigureAwait(false);
        if (!auth.Succeeded)
        {
            _logger.AuthenticationFailed(remote, auth.Failure ?? "unknown", auth.Username);
            _authenticator.WriteChallenge(response, request.IsHttps, auth.Stale);
            CwmpReplyWriter.Empty(response, StatusCodes.Status401Unauthorized);
            return RequestOutcome.Unauthorized;
        }

        if (!RequestBodyReader.TryGetCoding(request, out ContentCoding coding))
        {
            _logger.UnsupportedEncoding(remote, request.Headers.ContentEncoding.ToString());
            CwmpReplyWriter.Text(response, StatusCodes.Status415UnsupportedMediaType, "Content-Encoding must be gzip, deflate or identity.");
            return RequestOutcome.UnsupportedEncoding;
        }

        CwmpEnvelope? envelope;
        using (var body = new PooledBufferWriter((int)Math.Min(request.ContentLength ?? 4096, settings.MaxBodyBytes)))
        {
            BodyReadStatus status;
            try
            {
                status = await RequestBodyReader.ReadAsync(request, coding, settings.MaxBodyBytes, body, context.RequestAborted).ConfigureAwait(false);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                status = BodyReadStatus.TooLarge;
            }

            switch (status)
            {
                case BodyReadStatus.TooLarge:
                    _logger.BodyTooLarge(remote, settings.MaxBodyBytes, coding.ToString());
                    _metrics.ParseError(CwmpParseError.BodyTooLarge);
                    CwmpReplyWriter.Text(response, StatusCodes.Status413PayloadTooLarge, $"The body exceeds {settings.MaxBodyBytes} bytes.");
                    return RequestOutcome.PayloadTooLarge;
                case BodyReadStatus.CorruptEncoding:
                    _logger.CorruptBody(remote, coding.ToString());
                    CwmpReplyWriter.Text(response, StatusCodes.Status400BadRequest, "The compressed body is corrupt.");
                    return RequestOutcome.ParseError;
                default:
                    break;
            }

            try
            {
                envelope = CwmpParser.Parse(body.WrittenMemory, ParserOptions(settings), CharsetResolver.FromContentType(request.ContentType));
            }
            catch (CwmpParseException e)
            {
                return ReplyToParseError(response, e, body.WrittenSpan, coding, remote);
            }
        }

        string method = envelope?.Body.MethodName ?? "EmptyPost";
        if (activity is not null)
        {
            activity.DisplayName = method;
            activity.SetTag("cwmp.rpc", method);
        }

        ResolvedSession target;
        if (envelope?.Body is Inform inform)
        {
            if (inform.DeviceId.Oui.Length == 0 || inform.DeviceId.SerialNumber.Length == 0)
            {
                _logger.InvalidDeviceId(remote, inform.DeviceId.Oui, inform.DeviceId.SerialNumber);
                CwmpReplyWriter.Envelope(response, envelope.Reply(CwmpFault.Create(FaultCodes.InvalidArguments, "Inform without OUI or SerialNumber")), CwmpWriterOptions.Default, coding);
                return RequestOutcome.Fault;
            }

            target = new ResolvedSession(inform.DeviceId.ToDeviceKey(), null, SessionSource.Inform);
        }
        else
        {
            ResolvedSession? found = await _resolver.ResolveAsync(context, connection, remote, auth.DeviceKey).ConfigureAwait(false);
            if (found is null)
            {
                _logger.NoSession(method, remote);
                CwmpReplyWriter.Text(response, StatusCodes.Status400BadRequest, "This POST belongs to no known CWMP session: a session starts with an Inform.");
                return RequestOutcome.NoSession;
            }

            target = found;
        }

        activity?.SetTag("cwmp.device_key", target.DeviceKey);
        activity?.SetTag("cwmp.session.source", target.Source.ToString());
        if (target.SessionId is not null)
        {
            activity?.SetTag("cwmp.session_id", target.SessionId);
        }

        if (auth.DeviceKey is { } authenticated && !DeviceIdentity.Matches(authenticated, target.DeviceKey))
        {
            _logger.IdentityMismatch(method, remote, authenticated, target.DeviceKey);
            _metrics.IdentityMismatch();
            CwmpReplyWriter.Text(response, StatusCodes.Status403Forbidden, "The authenticated identity is not this device's.");
            return RequestOutcome.IdentityMismatch;
        }

        bool isInform = target.Source == SessionSource.Inform;
        if (isInform && !_sessions.TryAdmit(target.DeviceKey, envelope!.Header.SessionTimeout is uint seconds ? TimeSpan.FromSeconds(seconds) : null))
        {
            int retry = _retryAfter.NextSeconds();
            _metrics.AdmissionRejected();
            _logger.AdmissionRejected(target.DeviceKey, remote, _sessions.AdmittedSessions, settings.MaxConcurrentSessions, retry);
            CwmpReplyWriter.ServiceUnavailable(response, retry, "Too many CWMP sessions on this gateway.");
            return RequestOutcome.AdmissionRejected;
        }

        SessionReply reply;
        try
        {
            var post = new SessionPost(target.SessionId, envelope, remote, auth.DeviceKey, _time.GetUtcNow());
            reply = await _grains.GetGrain<IDeviceGrain>(target.DeviceKey).PostAsync(post).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Cluster or storage down, or the grain failed: nothing of this POST is acknowledged, the CPE retries.
            if (isInform)
            {
                _sessions.Remove(target.DeviceKey);
            }

            int retry = _retryAfter.NextSeconds();
            _logger.GrainUnavailable(e, target.DeviceKey, method, remote, retry);
            CwmpReplyWriter.ServiceUnavailable(response, retry, "The device's session cannot be served now.");
            return RequestOutcome.Unavailable;
        }

        return await WriteReplyAsync(context, connection, target, reply, method, coding, remote, auth.DeviceKey, activity).ConfigureAwait(false);
    }

    private async Task<RequestOutcome> WriteReplyAsync(
        HttpContext context,
        ConnectionSessionState? connection,
        ResolvedSession target,
        SessionReply reply,
        string method,
        ContentCoding coding,
        string remote,
        string? authenticatedAs,
        Activity? activity)
    {
        HttpResponse response = context.Response;
        string deviceKey = target.DeviceKey;
        bool isInform = target.Source == SessionSource.Inform;
        if (reply.SessionId is not null)
        {
            activity?.SetTag("cwmp.session_id", reply.SessionId);
        }

        // An Inform that opened no session (refused, or answered with a fault such as 8006) gives its slot back.
        if (isInform && (reply.Kind is not (SessionReplyKind.Envelope or SessionReplyKind.EndSession) || reply.SessionId is null))
        {
            _sessions.Remove(deviceKey);
        }

        switch (reply.Kind)
        {
            case SessionReplyKind.Envelope when reply.Envelope is not null:
            {
                bool refreshLocator = false;
                if (reply.SessionId is { } sessionId)
                {
                    AppendCookie(context, deviceKey, sessionId);
                    connection?.Remember(deviceKey, sessionId, remote);
                    refreshLocator = _sessions.Seen(deviceKey, sessionId) && _locator.Enabled;

                    // The CPE's next POST may come on a new connection without a cookie: the locator must know the
                    // session before the CPE reads this reply.
                    if (refreshLocator && isInform)
                    {
                        await _locator.RegisterAsync(remote, deviceKey, sessionId).ConfigureAwait(false);
                        refreshLocator = false;
                    }
                }

                CwmpReplyWriter.Envelope(response, reply.Envelope, reply.Quirks.ToWriterOptions(), coding);
                if (refreshLocator)
                {
                    await response.CompleteAsync().ConfigureAwait(false);
                    await _locator.RegisterAsync(remote, deviceKey, reply.SessionId!).ConfigureAwait(false);
                }

                return reply.Envelope.Body is CwmpFault ? RequestOutcome.Fault : RequestOutcome.Envelope;
            }

            case SessionReplyKind.Envelope:
            case SessionReplyKind.EndSession:
            {
                if (reply.Kind == SessionReplyKind.Envelope)
                {
                    _logger.EnvelopeMissing(deviceKey, method);
                }

                if (reply.SessionId is { } sessionId)
                {
                    AppendCookie(context, deviceKey, sessionId);
                }

                _sessions.Remove(deviceKey);
                CwmpReplyWriter.Empty(response, reply.Quirks.EndWithEmpty200 ? StatusCodes.Status200OK : StatusCodes.Status204NoContent);
                if (_locator.Enabled && reply.SessionId is { } endedSession)
                {
                    await response.CompleteAsync().ConfigureAwait(false);
                    await _locator.UnregisterAsync(remote, deviceKey, endedSession).ConfigureAwait(false);
                }

                return RequestOutcome.SessionEnd;
            }

            case SessionReplyKind.Busy:
            {
                int retry = _retryAfter.FromGrain(reply.RetryAfter);
                _logger.Busy(deviceKey, method, retry);
                CwmpReplyWriter.ServiceUnavailable(response, retry, "The device's session cannot be served now.");
                return RequestOutcome.Busy;
            }

            case SessionReplyKind.Rejected:
                _logger.Rejected(deviceKey, method, target.SessionId, remote, reply.Reason);
                CwmpReplyWriter.Text(response, StatusCodes.Status400BadRequest, "This POST does not fit the device's CWMP session.");
                return RequestOutcome.Rejected;

            case SessionReplyKind.Forbidden:
                _logger.Forbidden(deviceKey, method, remote, authenticatedAs, reply.Reason);
                CwmpReplyWriter.Text(response, StatusCodes.Status403Forbidden, "Forbidden.");
                return RequestOutcome.Forbidden;

            default:
                throw new InvalidOperationException($"Unknown session reply kind {reply.Kind}.");
        }
    }

    private RequestOutcome ReplyToParseError(HttpResponse response, CwmpParseException e, ReadOnlySpan<byte> body, ContentCoding coding, string remote)
    {
        _metrics.ParseError(e.Error);

        // A request whose RPC and cwmp:ID were read gets a fault it can correlate; a response or a fault cannot be
        // answered with a fault, so those get the HTTP status.
        if (e.RequestId is not null && e.MethodName is { } rpc && rpc != "Fault" && !rpc.EndsWith("Response", StringComparison.Ordinal))
        {
            _logger.ParseError(remote, e.Error, rpc, e.RequestId, e.Message, $"fault {e.FaultCode}");
            var fault = new CwmpEnvelope(CwmpNamespaceSniffer.Find(body), CwmpHeader.WithId(e.RequestId), CwmpFault.Create(e.FaultCode));
            CwmpReplyWriter.Envelope(response, fault, CwmpWriterOptions.Default, coding);
            return RequestOutcome.ParseError;
        }

        _logger.ParseError(remote, e.Error, e.MethodName, e.RequestId, e.Message, e.HttpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture));
        CwmpReplyWriter.Text(response, e.HttpStatus, $"The CWMP envelope did not parse ({e.Error}).");
        return e.HttpStatus == StatusCodes.Status413PayloadTooLarge ? RequestOutcome.PayloadTooLarge : RequestOutcome.ParseError;
    }

    private CwmpParserOptions ParserOptions(CwmpGatewayOptions settings)
    {
        CwmpParserOptions current = _parserOptions;
        if (current.MaxBodyBytes != settings.MaxBodyBytes)
        {
            current = CwmpParserOptions.Default with { MaxBodyBytes = settings.MaxBodyBytes };
            _parserOptions = current;
        }

        return current;
    }

    private static void AppendCookie(HttpContext context, string deviceKey, string sessionId) =>
        context.Response.Headers.Append(HeaderNames.SetCookie, SessionCookie.Format(deviceKey, sessionId, context.Request.IsHttps));

    private static void WriteIfNotStarted(HttpResponse response, int statusCode, string reason)
    {
        if (!response.HasStarted)
        {
            response.Clear();
            CwmpReplyWriter.Text(response, statusCode, reason);
        }
    }

    private static string RemoteAddress(HttpContext context)
    {
        IPAddress? address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }
}
