using Cwmp.Protocol;

namespace Cwmp.Grains.Devices;

/// <summary>
/// The open CWMP session of a device, in the grain's memory only: a session lives for seconds, and writing it to
/// storage on every POST would cost a write per POST. A grain that is lost mid-session loses the session; the CPE
/// then starts over with an Inform, and the task that was in flight is sent again (its attempt was counted).
/// </summary>
internal sealed class CwmpSession
{
    public CwmpSession(string id, string cwmpNamespace, CwmpVersion version, DateTimeOffset openedAt, TimeSpan timeout, string remoteAddress)
    {
        Id = id;
        CwmpNamespace = cwmpNamespace;
        Version = version;
        OpenedAt = openedAt;
        LastActivity = openedAt;
        Timeout = timeout;
        RemoteAddress = remoteAddress;
    }

    public string Id { get; }

    /// <summary>The namespace of the CPE's Inform, used for everything the ACS sends in the session.</summary>
    public string CwmpNamespace { get; }

    public CwmpVersion Version { get; }

    public DateTimeOffset OpenedAt { get; }

    public DateTimeOffset LastActivity { get; private set; }

    public TimeSpan Timeout { get; }

    public string RemoteAddress { get; }

    /// <summary>The task sent last and not answered yet.</summary>
    public string? InFlightTaskId { get; set; }

    /// <summary>CommandKeys of "M Download"/"M Upload"/"M ScheduleDownload" events whose TransferComplete is due in this session.</summary>
    public HashSet<string> ExpectedTransferCompletes { get; } = new(StringComparer.Ordinal);

    public void Touch(DateTimeOffset now) => LastActivity = now;

    public bool IsExpired(DateTimeOffset now) => now - LastActivity >= Timeout;

    public TimeSpan Remaining(DateTimeOffset now) => Timeout - (now - LastActivity);
}
