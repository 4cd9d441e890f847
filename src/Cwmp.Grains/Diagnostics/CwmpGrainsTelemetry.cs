namespace Cwmp.Grains;

/// <summary>The names under which the grains publish metrics, for the host's OpenTelemetry setup and for tests.</summary>
public static class CwmpGrainsTelemetry
{
    /// <summary>The meter of the grains.</summary>
    public const string MeterName = "Cwmp.Grains";

    /// <summary>Counter of storage round trips (grain state reads and writes, parameter store calls); tag "operation".</summary>
    public const string StorageRoundTrips = "cwmp.storage.round_trips";

    /// <summary>Counter of ended sessions; tag "outcome".</summary>
    public const string Sessions = "cwmp.sessions";

    /// <summary>Counter of Inform events; tag "event" (standard codes; "M …" and "X …" vendor codes are grouped).</summary>
    public const string InformEvents = "cwmp.informs";

    /// <summary>Counter of faults the CPEs answered ACS requests with; tags "method" and "code".</summary>
    public const string RpcFaults = "cwmp.rpc.faults";

    /// <summary>Counter of POSTs rejected because they fit no session; tag "reason".</summary>
    public const string RejectedPosts = "cwmp.posts.rejected";

    /// <summary>Histogram of the tasks waiting for a device when its session opens.</summary>
    public const string QueueDepth = "cwmp.tasks.queue_depth";

    /// <summary>Counter of campaign devices: started, succeeded, failed, not_reached, skipped; tags "campaign", "outcome", "code".</summary>
    public const string CampaignDevices = "cwmp.campaign.devices";

    /// <summary>Counter of campaign status changes (running, paused, cancelled, completed); tags "campaign", "status".</summary>
    public const string CampaignStatusChanges = "cwmp.campaign.status_changes";

    /// <summary>Counter of shard-worker steps that failed and are retried on the next tick; tag "step".</summary>
    public const string CampaignWorkerErrors = "cwmp.campaign.worker_errors";

    /// <summary>Counter of provisioning passes; tag "outcome" (queued, converged, unchanged, failed).</summary>
    public const string ProvisioningPasses = "cwmp.provisioning.passes";

    /// <summary>Counter of desired settings not sent (invalid, read-only) or refused by the CPE; tag "reason".</summary>
    public const string ProvisioningRefused = "cwmp.provisioning.refused";

    /// <summary>Counter of devices associated with a subscriber pre-registration; tag "kind" (device, serial, code).</summary>
    public const string SubscriberAssociations = "cwmp.provisioning.subscriber_associations";
}
