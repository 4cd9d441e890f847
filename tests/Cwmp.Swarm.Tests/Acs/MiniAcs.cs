using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Cwmp.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cwmp.Swarm.Tests.Acs;

/// <summary>
/// A scripted ACS for the swarm's tests: Kestrel on 127.0.0.1:0, answers Inform and the CPE's own requests, sends
/// the requests a test queued for a device one per POST, ends sessions with 204, and records everything it saw
/// (raw POSTs, Informs, request/answer pairs, TransferCompletes, uploads) for exact assertions. Optional HTTP Basic
/// or Digest authentication, a session cookie, canned files to download, and an Inform status override.
/// </summary>
internal sealed class MiniAcs : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<CwmpRequest>> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AcsSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _nonces = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private long _requestIds;

    private MiniAcs(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public AcsAuth Auth { get; set; }

    /// <summary>The password expected from a device (username = its key) when <see cref="Auth"/> is on.</summary>
    public Func<string, string> PasswordFor { get; set; } = key => key;

    /// <summary>Returns an HTTP status to answer an Inform with instead of InformResponse (503, 500…), or null.</summary>
    public Func<Inform, int?> InformStatus { get; set; } = _ => null;

    public int? RetryAfterSeconds { get; set; }

    public bool SetCookie { get; set; } = true;

    public ConcurrentDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, byte[]> Uploads { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<ReceivedPost> Posts { get; } = new();

    public ConcurrentQueue<ReceivedInform> Informs { get; } = new();

    public ConcurrentQueue<Exchange> Exchanges { get; } = new();

    public ConcurrentQueue<(string DeviceKey, TransferComplete Message)> TransferCompletes { get; } = new();

    public ConcurrentQueue<string> EndedSessions { get; } = new();

    public int Challenges;

    public int RejectedInforms;

    public static async Task<MiniAcs> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        var acs = new MiniAcs(app);
        app.MapPost("/acs", acs.HandleAsync);
        app.MapGet("/files/{name}", (string name) => acs.Files.TryGetValue(name, out byte[]? bytes) ? Results.Bytes(bytes, "application/octet-stream") : Results.NotFound());
        app.MapPut("/upload/{name}", async (HttpContext http, string name) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            acs.Uploads[name] = buffer.ToArray();
            acs.Notify();
            return Results.Created();
        });
        await app.StartAsync();
        acs.Url = new Uri(new Uri(app.Urls.First()), "/acs");
        return acs;
    }

    public string FileUrl(string name) => new Uri(Url, "/files/" + name).ToString();

    public string UploadUrl(string name) => new Uri(Url, "/upload/" + name).ToString();

    public void Enqueue(string deviceKey, params CwmpRequest[] requests)
    {
        ConcurrentQueue<CwmpRequest> queue = _queues.GetOrAdd(deviceKey, _ => new ConcurrentQueue<CwmpRequest>());
        foreach (CwmpRequest request in requests)
        {
            queue.Enqueue(request);
        }
    }

    public IReadOnlyList<ReceivedInform> InformsOf(string deviceKey) => [.. Informs.Where(i => i.DeviceKey == deviceKey)];

    public IReadOnlyList<Exchange> ExchangesOf(string deviceKey) => [.. Exchanges.Where(e => e.DeviceKey == deviceKey)];

    /// <summary>Waits until the condition holds, re-checking it whenever the ACS records something.</summary>
    public async Task WaitAsync(Func<bool> condition, string what, int seconds = 20)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (condition())
            {
                return;
            }

            _waiters.Add((condition, done));
        }

        try
        {
            await done.Task.WaitAsync(TimeSpan.FromSeconds(seconds));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {seconds} s waiting for {what}.");
        }
    }

    public Task WaitForSessionsAsync(string deviceKey, int count, int seconds = 20) =>
        WaitAsync(() => EndedSessions.Count(k => k == deviceKey) >= count, $"{count} ended session(s) of {deviceKey}", seconds);

    public Task WaitForInformsAsync(string deviceKey, int count, int seconds = 20) =>
        WaitAsync(() => Informs.Count(i => i.DeviceKey == deviceKey) >= count, $"{count} Inform(s) of {deviceKey}", seconds);

    private void Notify()
    {
        lock (_lock)
        {
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Condition())
                {
                    _waiters[i].Done.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        byte[] body = buffer.ToArray();
        string? cookie = http.Request.Headers.Cookie.ToString() is { Length: > 0 } c ? c : null;
        string? authorization = http.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null;
        CwmpEnvelope? envelope;
        try
        {
            envelope = CwmpParser.Parse(body);
        }
        catch (CwmpParseException)
        {
            http.Response.StatusCode = 400;
            return;
        }

        AcsSession? session = FindSession(http, cookie);
        string? deviceKey = envelope?.Body is Inform inform ? inform.DeviceId.ToDeviceKey() : session?.DeviceKey;
        Posts.Enqueue(new ReceivedPost(
            deviceKey,
            http.Request.Headers.ContentType.ToString() is { Length: > 0 } type ? type : null,
            http.Request.Headers.TransferEncoding.ToString() is { Length: > 0 } te ? te : null,
            cookie,
            authorization,
            Encoding.UTF8.GetString(body),
            envelope));

        if (Auth != AcsAuth.None && !Authenticate(http, authorization, deviceKey))
        {
            Interlocked.Increment(ref Challenges);
            http.Response.StatusCode = 401;
            if (Auth == AcsAuth.Digest)
            {
                string nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                _nonces[nonce] = 0;
                http.Response.Headers.WWWAuthenticate = AcsDigest.Challenge(nonce);
            }
            else
            {
                http.Response.Headers.WWWAuthenticate = "Basic realm=\"mini-acs\"";
            }

            Notify();
            return;
        }

        if (envelope?.Body is Inform newInform)
        {
            if (InformStatus(newInform) is int status)
            {
                Interlocked.Increment(ref RejectedInforms);
                http.Response.StatusCode = status;
                if (RetryAfterSeconds is int retry)
                {
                    http.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                Notify();
                return;
            }

            session = new AcsSession(Guid.NewGuid().ToString("N"), newInform.DeviceId.ToDeviceKey(), envelope.CwmpNamespace, http.Connection.Id);
            _sessions[session.Id] = session;
            _sessions["conn:" + http.Connection.Id] = session;
            Informs.Enqueue(new ReceivedInform(session.DeviceKey, session.Id, envelope, newInform));
            if (SetCookie)
            {
                http.Response.Headers.SetCookie = $"acs-session={session.Id}; Path=/; HttpOnly";
            }

            await WriteAsync(http, envelope.Reply(new InformResponse(1)));
            Notify();
            return;
        }

        if (session is null)
        {
            http.Response.StatusCode = 400;
            Notify();
            return;
        }

        switch (envelope?.Body)
        {
            case TransferComplete transferComplete:
                TransferCompletes.Enqueue((session.DeviceKey, transferComplete));
                await WriteAsync(http, envelope.Reply(new TransferCompleteResponse()));
                Notify();
                return;
            case GetRPCMethods:
                await WriteAsync(http, envelope.Reply(new GetRPCMethodsResponse(["Inform", "GetRPCMethods", "TransferComplete"])));
                Notify();
                return;
            case CwmpRequest unexpected:
                await WriteAsync(http, envelope.Reply(CwmpFault.Create(FaultCodes.MethodNotSupported, unexpected.MethodName)));
                Notify();
                return;
            case { } answer when session.Outstanding is { } sent:
                Exchanges.Enqueue(new Exchange(session.DeviceKey, session.Id, sent, answer));
                session.Outstanding = null;
                break;
            default:
                break;
        }

        if (_queues.TryGetValue(session.DeviceKey, out ConcurrentQueue<CwmpRequest>? queue) && queue.TryDequeue(out CwmpRequest? next))
        {
            session.Outstanding = next;
            string id = "acs-" + Interlocked.Increment(ref _requestIds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await WriteAsync(http, new CwmpEnvelope(session.Namespace, CwmpHeader.WithId(id), next));
        }
        else
        {
            http.Response.StatusCode = 204;
            EndedSessions.Enqueue(session.DeviceKey);
            _sessions.TryRemove(session.Id, out _);
            _sessions.TryRemove("conn:" + session.ConnectionId, out _);
        }

        Notify();
    }

    private AcsSession? FindSession(HttpContext http, string? cookie)
    {
        if (cookie is not null)
        {
            foreach (string part in cookie.Split(';', StringSplitOptions.TrimEntries))
            {
                if (part.StartsWith("acs-session=", StringComparison.Ordinal) && _sessions.TryGetValue(part["acs-session=".Length..], out AcsSession? byCookie))
                {
                    return byCookie;
                }
            }
        }

        return _sessions.GetValueOrDefault("conn:" + http.Connection.Id);
    }

    private bool Authenticate(HttpContext http, string? authorization, string? deviceKey)
    {
        if (authorization is null || deviceKey is null)
        {
            return false;
        }

        string password = PasswordFor(deviceKey);
        if (Auth == AcsAuth.Basic)
        {
            return authorization == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{deviceKey}:{password}"));
        }

        return AcsDigest.Verify(authorization, http.Request.Method, deviceKey, password, _nonces.Keys.ToHashSet(), out _);
    }

    private static async Task WriteAsync(HttpContext http, CwmpEnvelope envelope)
    {
        http.Response.ContentType = "text/xml; charset=\"utf-8\"";
        await http.Response.Body.WriteAsync(CwmpWriter.WriteToArray(envelope));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class AcsSession(string id, string deviceKey, string cwmpNamespace, string connectionId)
    {
        public string Id { get; } = id;

        public string DeviceKey { get; } = deviceKey;

        public string Namespace { get; } = cwmpNamespace;

        public string ConnectionId { get; } = connectionId;

        public CwmpRequest? Outstanding { get; set; }
    }
}

internal enum AcsAuth
{
    None,
    Basic,
    Digest,
}
