using Cwmp.Grains;
using Cwmp.Protocol;

namespace Cwmp.Gateway.Tests.Grains;

/// <summary>
/// A scripted device: Inform → InformResponse; the next POST → one GetParameterValues (cwmp:ID "gpv-1"); the one
/// after → end of session. It checks the session id of every POST like the real grain, so a POST routed to the wrong
/// session is rejected. Serial numbers starting with BUSY, FAIL, FAULT, REJECT, FORBID or QUIRK select other answers.
/// </summary>
public sealed class ScriptedDeviceGrain : Grain, IDeviceGrain, IDeviceProbeGrain
{
    public const string GpvId = "gpv-1";
    public const string GpvName = "Device.DeviceInfo.SoftwareVersion";

    private readonly List<string> _methods = [];
    private readonly List<string?> _sessionIds = [];
    private string? _openSession;
    private string _namespace = CwmpNamespaces.Cwmp10;
    private bool _gpvSent;
    private string? _lastRemote;
    private string? _lastAuthenticated;
    private string? _manufacturer;

    public Task<SessionReply> PostAsync(SessionPost post)
    {
        _methods.Add(post.Envelope?.Body.MethodName ?? "EmptyPost");
        _sessionIds.Add(post.SessionId);
        _lastRemote = post.RemoteAddress;
        _lastAuthenticated = post.AuthenticatedAs;
        if (!DeviceKey.TryParse(this.GetPrimaryKeyString(), out _, out _, out string serial))
        {
            throw new InvalidOperationException($"Not a device key: {this.GetPrimaryKeyString()}");
        }

        if (serial.StartsWith("FAIL", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The device's storage is unavailable.");
        }

        DeviceQuirks quirks = serial.StartsWith("QUIRK", StringComparison.Ordinal)
            ? new DeviceQuirks { EndWithEmpty200 = true, XmlDeclaration = true }
            : DeviceQuirks.Default;
        if (serial.StartsWith("BUSY", StringComparison.Ordinal))
        {
            return Task.FromResult(new SessionReply(SessionReplyKind.Busy, null, null, quirks, TimeSpan.FromSeconds(17)));
        }

        if (serial.StartsWith("FORBID", StringComparison.Ordinal))
        {
            return Task.FromResult(new SessionReply(SessionReplyKind.Forbidden, null, null, quirks, Reason: "blocked device"));
        }

        if (serial.StartsWith("REJECT", StringComparison.Ordinal))
        {
            return Task.FromResult(new SessionReply(SessionReplyKind.Rejected, null, null, quirks, Reason: "scripted rejection"));
        }

        if (serial.StartsWith("FAULT", StringComparison.Ordinal) && post.Envelope is { } refused)
        {
            return Task.FromResult(new SessionReply(SessionReplyKind.Envelope, null, refused.Reply(CwmpFault.Create(FaultCodes.AcsVersionIncompatible)), quirks));
        }

        if (post.Envelope is { Body: Inform inform } envelope)
        {
            _manufacturer = inform.DeviceId.Manufacturer;
            _openSession = Guid.NewGuid().ToString("N");
            _namespace = envelope.CwmpNamespace;
            _gpvSent = false;
            return Task.FromResult(new SessionReply(SessionReplyKind.Envelope, _openSession, envelope.Reply(new InformResponse(1)), quirks));
        }

        if (_openSession is null || post.SessionId != _openSession)
        {
            return Task.FromResult(new SessionReply(SessionReplyKind.Rejected, null, null, quirks, Reason: $"no open session '{post.SessionId}'"));
        }

        if (!_gpvSent)
        {
            _gpvSent = true;
            var gpv = new CwmpEnvelope(_namespace, CwmpHeader.WithId(GpvId), new GetParameterValues([GpvName]));
            return Task.FromResult(new SessionReply(SessionReplyKind.Envelope, _openSession, gpv, quirks));
        }

        string ended = _openSession;
        _openSession = null;
        return Task.FromResult(new SessionReply(SessionReplyKind.EndSession, ended, null, quirks));
    }

    public Task<DeviceProbe> GetProbeAsync() =>
        Task.FromResult(new DeviceProbe(_methods.Count, [.. _methods], [.. _sessionIds], _lastRemote, _lastAuthenticated, _manufacturer));

    public Task<EnqueueResult> EnqueueAsync(EnqueueRequest request) => throw new NotSupportedException();

    public Task<DeviceTaskView?> GetTaskAsync(string taskId) => throw new NotSupportedException();

    public Task<IReadOnlyList<DeviceTaskView>> GetTasksAsync() => throw new NotSupportedException();

    public Task<bool> CancelTaskAsync(string taskId) => throw new NotSupportedException();

    public Task<DeviceSummary?> GetSummaryAsync() => throw new NotSupportedException();

    public Task<IReadOnlyList<CachedParameter>> GetParametersAsync(string pathPrefix) => throw new NotSupportedException();

    public Task SetQuirksAsync(DeviceQuirks quirks) => throw new NotSupportedException();

    public Task ForgetAsync() => throw new NotSupportedException();

    public Task<IReadOnlyList<string>> UpdateTagsAsync(TagChange change) => throw new NotSupportedException();
}
