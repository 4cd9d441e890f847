using Cwmp.Protocol;

namespace Cwmp.Grains;

/// <summary>A task as the grain reports it.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.DeviceTaskView")]
public sealed record DeviceTaskView
{
    [Id(0)] public required string Id { get; init; }

    /// <summary>The RPC name, e.g. "GetParameterValues".</summary>
    [Id(1)] public required string Method { get; init; }

    [Id(2)] public required DeviceTaskState State { get; init; }

    /// <summary>How many times it was sent.</summary>
    [Id(3)] public int Attempts { get; init; }

    [Id(4)] public required CwmpRequest Request { get; init; }

    /// <summary>The CPE's response, when done.</summary>
    [Id(5)] public CwmpResponse? Response { get; init; }

    /// <summary>The last fault, when it faulted.</summary>
    [Id(6)] public CwmpFault? Fault { get; init; }

    [Id(7)] public required DateTimeOffset CreatedAt { get; init; }

    [Id(8)] public DateTimeOffset? UpdatedAt { get; init; }

    [Id(9)] public string? Requester { get; init; }
}

/// <summary>Where a task is.</summary>
[GenerateSerializer, Alias("cwmp.DeviceTaskState")]
public enum DeviceTaskState
{
    /// <summary>Queued; goes out in the device's next session.</summary>
    Pending = 0,

    /// <summary>Sent in the open session; the CPE has not answered yet.</summary>
    InFlight = 1,

    /// <summary>Answered with a response; for transfers, the transfer may still be running (see TransferComplete).</summary>
    Done = 2,

    /// <summary>Answered with a retryable fault; will be sent again (attempts left).</summary>
    RetryPending = 3,

    /// <summary>Answered with a permanent fault, or out of attempts.</summary>
    Faulted = 4,

    /// <summary>Cancelled before it was sent.</summary>
    Cancelled = 5,

    /// <summary>
    /// Download/Upload accepted with Status 1, or ScheduleDownload accepted: waiting for TransferComplete; ChangeDUState
    /// accepted: waiting for DUStateChangeComplete.
    /// </summary>
    AwaitingTransferComplete = 6,

    /// <summary>
    /// Accepted, and done only when an Inform event says so: a Reboot waits for "1 BOOT" + "M Reboot", a
    /// ScheduleInform for "M ScheduleInform" (matched by CommandKey).
    /// </summary>
    AwaitingEvent = 7,
}
