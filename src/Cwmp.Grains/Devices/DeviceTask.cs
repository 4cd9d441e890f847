using Cwmp.Protocol;

namespace Cwmp.Grains.Devices;

/// <summary>One queued ACS→CPE RPC and where it is; the task id is the cwmp:ID the request goes out with.</summary>
[GenerateSerializer, Alias("cwmp.DeviceTask")]
internal sealed class DeviceTask
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required CwmpRequest Request { get; init; }

    [Id(2)] public DeviceTaskState State { get; set; }

    [Id(3)] public int Attempts { get; set; }

    [Id(4)] public CwmpResponse? Response { get; set; }

    [Id(5)] public CwmpFault? Fault { get; set; }

    [Id(6)] public required DateTimeOffset CreatedAt { get; init; }

    [Id(7)] public DateTimeOffset? UpdatedAt { get; set; }

    [Id(8)] public string? Requester { get; init; }

    /// <summary>The session in which it last faulted retryably: it is not sent again in that same session.</summary>
    [Id(9)] public string? HeldBackInSession { get; set; }

    public bool IsFinal => State is DeviceTaskState.Done or DeviceTaskState.Faulted or DeviceTaskState.Cancelled;

    /// <summary>Waiting to be sent (first time or again).</summary>
    public bool IsQueued => State is DeviceTaskState.Pending or DeviceTaskState.RetryPending;

    /// <summary>The CommandKey of requests that carry one (transfers, Reboot, ScheduleInform, ChangeDUState).</summary>
    public string? CommandKey => Request switch
    {
        Download d => d.CommandKey,
        Upload u => u.CommandKey,
        ScheduleDownload s => s.CommandKey,
        Reboot r => r.CommandKey,
        ScheduleInform s => s.CommandKey,
        ChangeDUState c => c.CommandKey ?? string.Empty,
        _ => null,
    };

    public DeviceTaskView ToView() => new()
    {
        Id = Id,
        Method = Request.MethodName,
        State = State,
        Attempts = Attempts,
        Request = Request,
        Response = Response,
        Fault = Fault,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        Requester = Requester,
    };
}
