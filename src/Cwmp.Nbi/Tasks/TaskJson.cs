using System.Text.Json;
using System.Text.Json.Nodes;
using Cwmp.Grains;
using Cwmp.Protocol;

namespace Cwmp.Nbi.Tasks;

/// <summary>A task as the NBI shows it.</summary>
/// <param name="Request">The RPC in the shape a task body gives it (<c>{"reboot": {"commandKey": "k"}}</c>), passwords masked.</param>
/// <param name="Response">The CPE's answer rendered as JSON (e.g. the parameter list of a GetParameterValues), when it answered.</param>
internal sealed record TaskJson(
    string Id,
    string DeviceKey,
    string Method,
    string State,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt,
    string? Requester,
    JsonObject Request,
    JsonObject? Response,
    FaultJson? Fault)
{
    /// <summary>Done, faulted or cancelled: nothing more will happen to it.</summary>
    public static bool IsFinal(DeviceTaskState state) => state is DeviceTaskState.Done or DeviceTaskState.Faulted or DeviceTaskState.Cancelled;

    public static string StateName(DeviceTaskState state) => JsonNamingPolicy.CamelCase.ConvertName(state.ToString());

    public static TaskJson From(string deviceKey, DeviceTaskView task) => new(
        task.Id,
        deviceKey,
        task.Method,
        StateName(task.State),
        task.Attempts,
        task.CreatedAt,
        task.UpdatedAt,
        task.Requester,
        RpcJson.Request(task.Request),
        task.Response is null ? null : RpcJson.Response(task.Response),
        task.Fault is null ? null : FaultJson.From(task.Fault));
}

/// <summary>A CWMP fault: its code and text, and a SetParameterValues fault's per-parameter faults.</summary>
internal sealed record FaultJson(int Code, string? String, IReadOnlyList<ParameterFaultJson> ParameterFaults)
{
    public static FaultJson From(CwmpFault fault) => new(
        fault.FaultCode,
        fault.FaultString,
        [.. fault.SetParameterValuesFaults.AsSpan().ToArray().Select(f => new ParameterFaultJson(f.ParameterName, f.FaultCode, f.FaultString))]);
}

internal sealed record ParameterFaultJson(string Name, int Code, string? String);
