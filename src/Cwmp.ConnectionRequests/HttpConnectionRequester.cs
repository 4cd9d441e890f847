using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Cwmp.ConnectionRequests;

/// <summary>
/// The HTTP connection request (TR-069 §3.2.2): a GET without body to the ConnectionRequestURL, one answer to a
/// Digest challenge, then success on 2xx. Connections go only to addresses the policy vetted beforehand; the
/// connect callback never resolves names itself, so nothing but a vetted address is ever contacted.
/// </summary>
internal sealed class HttpConnectionRequester : IDisposable
{
    private static readonly HttpRequestOptionsKey<IPAddress[]> VettedAddresses = new("Cwmp.ConnectionRequests.VettedAddresses");

    private readonly HttpClient _client;
    private readonly AddressSelector _selector;
    private readonly ConnectionRequestOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public HttpConnectionRequester(AddressSelector selector, ConnectionRequestOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _selector = selector;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        var handler = new SocketsHttpHandler
        {
            // A proxy would contact the device on our behalf and bypass the address policy.
            UseProxy = false,
            // A redirect would lead to an address nobody vetted.
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectCallback = ConnectAsync,
            ConnectTimeout = options.Timeout,
            // Each device is called at most once a throttle interval: idle connections only hold a CPE socket open.
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            MaxResponseHeadersLength = 16,
            MaxResponseDrainSize = 16 * 1024,
        };
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<ConnectionRequestResult> SendAsync(ConnectionRequestTarget target, Uri url, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        string host = url.IdnHost;
        try
        {
            AddressSelection selection = await _selector.SelectAsync(host, linked.Token).ConfigureAwait(false);
            if (selection.Allowed.Length == 0)
            {
                if (selection.Refusal == AddressRefusal.None)
                {
                    Log.NameResolvedToNothing(_logger, target.DeviceKey, host);
                    return ConnectionRequestResult.Unreachable;
                }

                Log.AddressRefused(_logger, target.DeviceKey, "HTTP", host, selection.RefusedAddress, selection.Refusal);
                return ConnectionRequestResult.NoUsableUrl;
            }

            HttpStatusCode status;
            string? authorization;
            using (HttpResponseMessage first = await SendOnceAsync(url, selection.Allowed, null, linked.Token).ConfigureAwait(false))
            {
                status = first.StatusCode;
                if (IsSuccess(status))
                {
                    return ConnectionRequestResult.Accepted;
                }

                if (status != HttpStatusCode.Unauthorized)
                {
                    return MapFailure(target.DeviceKey, status, answeredChallenge: false);
                }

                authorization = Answer(first, url, target);
            }

            if (authorization is null)
            {
                Log.NoUsableChallenge(_logger, target.DeviceKey);
                return ConnectionRequestResult.Unauthorized;
            }

            using HttpResponseMessage second = await SendOnceAsync(url, selection.Allowed, authorization, linked.Token).ConfigureAwait(false);
            return IsSuccess(second.StatusCode)
                ? ConnectionRequestResult.Accepted
                : MapFailure(target.DeviceKey, second.StatusCode, answeredChallenge: true);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            Log.TimedOut(_logger, target.DeviceKey, _options.Timeout);
            return ConnectionRequestResult.Unreachable;
        }
        catch (HttpRequestException exception)
        {
            Log.HttpFailed(_logger, target.DeviceKey, exception.HttpRequestError, exception.Message);
            return ConnectionRequestResult.Unreachable;
        }
        catch (SocketException exception)
        {
            Log.ResolveFailed(_logger, target.DeviceKey, host, exception.SocketErrorCode);
            return ConnectionRequestResult.Unreachable;
        }
    }

    public void Dispose() => _client.Dispose();

    private static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;

    private async Task<HttpResponseMessage> SendOnceAsync(Uri url, IPAddress[] addresses, string? authorization, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Options.Set(VettedAddresses, addresses);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            // The exchange is over after this answer: do not leave an idle socket on a CPE's small HTTP server.
            request.Headers.ConnectionClose = true;
        }

        return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    private string? Answer(HttpResponseMessage challengeResponse, Uri url, ConnectionRequestTarget target)
    {
        HttpHeadersNonValidated headers = challengeResponse.Headers.NonValidated;
        List<AuthenticationChallenge> challenges = headers.TryGetValues("WWW-Authenticate", out HeaderStringValues values)
            ? AuthenticationChallengeParser.Parse(values)
            : [];

        DigestChallenge? digest = DigestChallenge.Select(challenges);
        if (digest is not null)
        {
            string cnonce = System.Security.Cryptography.RandomNumberGenerator.GetHexString(16, lowercase: true);
            return DigestAuthorization.Create(digest, target.Username, target.Password, HttpMethod.Get.Method, url.PathAndQuery, cnonce);
        }

        if (_options.AllowBasicAuthentication && challenges.Exists(c => c.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)))
        {
            return "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{target.Username}:{target.Password}"));
        }

        return null;
    }

    private ConnectionRequestResult MapFailure(string deviceKey, HttpStatusCode status, bool answeredChallenge)
    {
        Log.UnexpectedStatus(_logger, deviceKey, (int)status, answeredChallenge);
        return status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? ConnectionRequestResult.Unauthorized
            : ConnectionRequestResult.Unreachable;
    }

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        if (!context.InitialRequestMessage.Options.TryGetValue(VettedAddresses, out IPAddress[]? addresses) || addresses.Length == 0)
        {
            throw new InvalidOperationException("A connection request reached the connect callback without vetted addresses.");
        }

        SocketException? last = null;
        foreach (IPAddress address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                last = exception;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }
}
