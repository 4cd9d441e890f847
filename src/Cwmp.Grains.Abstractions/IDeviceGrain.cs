using Cwmp.Protocol;

namespace Cwmp.Grains;

/// <summary>
/// One CPE. The key is the canonical device key (<see cref="DeviceKey"/>: OUI-ProductClass-SerialNumber,
/// percent-encoded). The grain is the only writer of the device's state: its CWMP session, its task queue, its cached
/// parameter tree and its own data. Gateways call <see cref="PostAsync"/> once per HTTP POST; operators (through the
/// NBI) call the task methods.
/// </summary>
[Alias("cwmp.IDeviceGrain")]
public interface IDeviceGrain : IGrainWithStringKey
{
    /// <summary>
    /// One POST of a CWMP session: the Inform that opens it, a CPE request, a CPE response or fault to the last ACS
    /// request, or the empty POST. Returns what the gateway writes back.
    /// </summary>
    [Alias("Post")]
    Task<SessionReply> PostAsync(SessionPost post);

    /// <summary>
    /// Queues ACS→CPE RPCs, optionally wakes the device with a connection request, and optionally waits until they
    /// are done (or the wait ends).
    /// </summary>
    /// <remarks>
    /// Interleaves with the other calls: while it waits for the connection request and for the tasks to finish, the
    /// device's session (<see cref="PostAsync"/>) must run. The grain does the queueing itself in a turn of its own.
    /// </remarks>
    [Alias("Enqueue")]
    [Orleans.Concurrency.AlwaysInterleave]
    Task<EnqueueResult> EnqueueAsync(EnqueueRequest request);

    /// <summary>One task, or null when the device has no task with that id.</summary>
    [Alias("GetTask")]
    Task<DeviceTaskView?> GetTaskAsync(string taskId);

    /// <summary>Every task the device still holds (pending, in flight, and finished ones not yet pruned).</summary>
    [Alias("GetTasks")]
    Task<IReadOnlyList<DeviceTaskView>> GetTasksAsync();

    /// <summary>Cancels a task that has not been sent yet; false when it is unknown or already sent.</summary>
    [Alias("CancelTask")]
    Task<bool> CancelTaskAsync(string taskId);

    /// <summary>The device's own data, or null for a device that never informed.</summary>
    [Alias("GetSummary")]
    Task<DeviceSummary?> GetSummaryAsync();

    /// <summary>Cached parameters whose names start with <paramref name="pathPrefix"/> ("" for all).</summary>
    [Alias("GetParameters")]
    Task<IReadOnlyList<CachedParameter>> GetParametersAsync(string pathPrefix);

    /// <summary>Sets the per-device protocol quirks (see <see cref="DeviceQuirks"/>).</summary>
    [Alias("SetQuirks")]
    Task SetQuirksAsync(DeviceQuirks quirks);

    /// <summary>Adds and removes operator tags (removals first); returns the tags after the change.</summary>
    /// <exception cref="ArgumentException">A tag is empty, longer than 128 characters, or has a character outside
    /// <c>[A-Za-z0-9_.:-]</c>.</exception>
    [Alias("UpdateTags")]
    Task<IReadOnlyList<string>> UpdateTagsAsync(TagChange change);

    /// <summary>Forgets the device: all state, tasks and cached parameters are deleted.</summary>
    [Alias("Forget")]
    Task ForgetAsync();
}
