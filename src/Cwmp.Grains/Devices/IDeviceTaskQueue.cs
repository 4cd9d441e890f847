namespace Cwmp.Grains.Devices;

/// <summary>
/// The part of <see cref="IDeviceGrain.EnqueueAsync"/> that changes the device: the grain calls it on itself so that
/// it runs as a turn of its own, never in the middle of a session POST, while EnqueueAsync itself interleaves in order
/// to wait.
/// </summary>
[Alias("cwmp.IDeviceTaskQueue")]
internal interface IDeviceTaskQueue : IGrainWithStringKey
{
    /// <summary>Queues the requests, registers the waiter (when <paramref name="waiterId"/> is set) and tells whom to wake.</summary>
    [Alias("AddTasks")]
    Task<EnqueuePlan> AddTasksAsync(EnqueueRequest request, string? waiterId);
}

/// <summary>What <see cref="IDeviceTaskQueue.AddTasksAsync"/> did.</summary>
/// <param name="TaskIds">The new tasks, in request order.</param>
/// <param name="SessionOpen">A session is open: the tasks go out in it, no connection request is needed.</param>
/// <param name="Target">Where to send the connection request (when asked for and no session is open); null when no address is known.</param>
/// <param name="QueuedAt">When the tasks were queued (the wait is measured from here).</param>
[GenerateSerializer, Immutable, Alias("cwmp.EnqueuePlan")]
internal sealed record EnqueuePlan(
    [property: Id(0)] IReadOnlyList<string> TaskIds,
    [property: Id(1)] bool SessionOpen,
    [property: Id(2)] ConnectionRequestTarget? Target,
    [property: Id(3)] DateTimeOffset QueuedAt);
