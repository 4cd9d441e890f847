using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cwmp.ConnectionRequests;

/// <summary>
/// The strategy: throttle per device, then HTTP when the URL is usable, then UDP when HTTP found the device
/// unreachable (or had no usable URL) and a UDP address is known.
/// </summary>
internal sealed class ConnectionRequestClient : IConnectionRequestClient, IDisposable
{
    private const string TransportNone = "none";
    private const string TransportHttp = "http";
    private const string TransportUdp = "udp";
    private const string TransportHttpThenUdp = "http+udp";

    private readonly ConnectionRequestOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ConnectionRequestThrottle _throttle;
    private readonly HttpConnectionRequester _http;
    private readonly UdpConnectionRequester _udp;
    private readonly ConnectionRequestMetrics _metrics;
    private readonly ILogger _logger;

    public ConnectionRequestClient(
        IOptions<ConnectionRequestOptions> options,
        TimeProvider timeProvider,
        IHostResolver resolver,
        ConnectionRequestMetrics metrics,
        ILogger<ConnectionRequestClient> logger)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
        _metrics = metrics;
        _logger = logger;
        _throttle = new ConnectionRequestThrottle(timeProvider, _options.MinimumInterval, _options.ThrottleCapacity);
        var selector = new AddressSelector(resolver, new AddressPolicy(_options));
        _http = new HttpConnectionRequester(selector, _options, timeProvider, logger);
        _udp = new UdpConnectionRequester(selector, _options, timeProvider, logger);
    }

    internal ConnectionRequestThrottle Throttle => _throttle;

    public async Task<ConnectionRequestResult> RequestAsync(ConnectionRequestTarget target, CancellationToken cancellationToken)
    {
        long started = _timeProvider.GetTimestamp();
        (ConnectionRequestResult result, string transport) = await RunAsync(target, cancellationToken).ConfigureAwait(false);
        TimeSpan elapsed = _timeProvider.GetElapsedTime(started);
        _metrics.Record(result, transport, elapsed);
        Log.Completed(_logger, target.DeviceKey, result, transport, elapsed.TotalMilliseconds);
        return result;
    }

    public void Dispose() => _http.Dispose();

    private async Task<(ConnectionRequestResult Result, string Transport)> RunAsync(ConnectionRequestTarget target, CancellationToken cancellationToken)
    {
        Uri? url = ParseUrl(target);
        UdpTargetAddress? udp = UdpTargetAddress.TryParse(target.UdpAddress);
        if (udp is null && !string.IsNullOrWhiteSpace(target.UdpAddress))
        {
            Log.UnusableUdpAddress(_logger, target.DeviceKey, target.UdpAddress);
        }

        if (url is null && udp is null)
        {
            return (ConnectionRequestResult.NoUsableUrl, TransportNone);
        }

        if (!_throttle.TryAcquire(target.DeviceKey, out long stamp))
        {
            Log.Throttled(_logger, target.DeviceKey, _options.MinimumInterval);
            return (ConnectionRequestResult.Throttled, TransportNone);
        }

        (ConnectionRequestResult result, string transport) = await SendAsync(target, url, udp, cancellationToken).ConfigureAwait(false);
        if (result == ConnectionRequestResult.NoUsableUrl)
        {
            // Nothing reached the device: a later attempt (say, after the CPE reported a new URL) must not wait.
            // A cancelled attempt keeps its slot: part of it may have gone out.
            _throttle.Release(target.DeviceKey, stamp);
        }

        return (result, transport);
    }

    private async Task<(ConnectionRequestResult Result, string Transport)> SendAsync(
        ConnectionRequestTarget target, Uri? url, UdpTargetAddress? udp, CancellationToken cancellationToken)
    {
        ConnectionRequestResult httpResult = ConnectionRequestResult.NoUsableUrl;
        if (url is not null)
        {
            httpResult = await _http.SendAsync(target, url, cancellationToken).ConfigureAwait(false);
            if (udp is null || httpResult is not (ConnectionRequestResult.Unreachable or ConnectionRequestResult.NoUsableUrl))
            {
                return (httpResult, TransportHttp);
            }
        }

        ConnectionRequestResult udpResult = await _udp.SendAsync(target, udp!, cancellationToken).ConfigureAwait(false);
        string transport = url is null ? TransportUdp : TransportHttpThenUdp;

        // HTTP's "unreachable" says more about the device than UDP's "no usable address".
        return udpResult == ConnectionRequestResult.NoUsableUrl && httpResult == ConnectionRequestResult.Unreachable
            ? (ConnectionRequestResult.Unreachable, transport)
            : (udpResult, transport);
    }

    private Uri? ParseUrl(ConnectionRequestTarget target)
    {
        if (string.IsNullOrWhiteSpace(target.Url))
        {
            return null;
        }

        string? problem = null;
        if (!Uri.TryCreate(target.Url.Trim(), UriKind.Absolute, out Uri? url))
        {
            problem = "not an absolute URL";
        }
        else if (url.Scheme != Uri.UriSchemeHttp)
        {
            // TR-069 §3.2.2: the connection request uses HTTP, not HTTPS (no certificate a CPE has would validate).
            problem = "the scheme is not http";
        }
        else if (url.UserInfo.Length > 0)
        {
            problem = "it carries user info";
        }
        else if (url.IdnHost.Length == 0)
        {
            problem = "it has no host";
        }

        if (problem is null)
        {
            return url;
        }

        Log.UnusableUrl(_logger, target.DeviceKey, target.Url, problem);
        return null;
    }
}
