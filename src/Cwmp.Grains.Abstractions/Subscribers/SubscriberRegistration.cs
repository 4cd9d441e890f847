namespace Cwmp.Grains.Subscribers;

/// <summary>
/// What the OSS registered for a device before it first informs: the subscriber it belongs to and the tags it gets
/// (a tag can name a profile that presets match on). Claimed by the first device that informs with the key.
/// </summary>
[GenerateSerializer, Immutable, Alias("cwmp.SubscriberRegistration")]
public sealed record SubscriberRegistration
{
    [Id(0)] public required string SubscriberId { get; init; }

    [Id(1)] public IReadOnlyList<string> Tags { get; init; } = [];

    [Id(2)] public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>The device that was associated with it, once one informed.</summary>
    [Id(3)] public string? ClaimedBy { get; init; }

    [Id(4)] public DateTimeOffset? ClaimedAt { get; init; }
}
