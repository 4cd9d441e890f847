using Cwmp.Protocol;

namespace Cwmp.Grains.Devices;

/// <summary>
/// One queued ACS→CPE RPC and where it is, in the grain's working form; the task id is the cwmp:ID the request goes
/// out with. Stored as a <see cref="StoredTask"/>; the XML text of each message is made once and kept.
/// </summary>
internal sealed class DeviceTask
{
    private string? _requestXml;
    private CwmpResponse? _response;
    private string? _responseXml;
    private CwmpFault? _fault;
    private string? _faultXml;

    public required string Id { get; init; }

    public required CwmpRequest Request { get; init; }

    public DeviceTaskState State { get; set; }

    public int Attempts { get; set; }

    public CwmpResponse? Response
    {
        get => _response;
        set => (_response, _responseXml) = (value, null);
    }

    public CwmpFault? Fault
    {
        get => _fault;
        set => (_fault, _faultXml) = (value, null);
    }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public string? Requester { get; init; }

    /// <summary>The session in which it last faulted retryably: it is not sent again in that same session.</summary>
    public string? HeldBackInSession { get; set; }

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

    public static DeviceTask FromStored(StoredTask stored) => new()
    {
        Id = stored.Id,
        Request = CwmpMessageXml.Read<CwmpRequest>(stored.Request),
        _requestXml = stored.Request,
        State = stored.State,
        Attempts = stored.Attempts,
        _response = stored.Response is null ? null : CwmpMessageXml.Read<CwmpResponse>(stored.Response),
        _responseXml = stored.Response,
        _fault = stored.Fault is null ? null : CwmpMessageXml.Read<CwmpFault>(stored.Fault),
        _faultXml = stored.Fault,
        CreatedAt = stored.CreatedAt,
        UpdatedAt = stored.UpdatedAt,
        Requester = stored.Requester,
        HeldBackInSession = stored.HeldBackInSession,
    };

    public StoredTask ToStored() => new()
    {
        Id = Id,
        Method = Request.MethodName,
        State = State,
        Attempts = Attempts,
        Request = _requestXml ??= CwmpMessageXml.Write(Request),
        Response = _response is null ? null : _responseXml ??= CwmpMessageXml.Write(_response),
        Fault = _fault is null ? null : _faultXml ??= CwmpMessageXml.Write(_fault),
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        Requester = Requester,
        HeldBackInSession = HeldBackInSession,
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
