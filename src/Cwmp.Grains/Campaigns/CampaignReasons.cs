namespace Cwmp.Grains.Campaigns;

/// <summary>The reason codes of outcomes that are not a CWMP fault code (they appear in FailedBy and in failures).</summary>
internal static class CampaignReasons
{
    /// <summary>Skipped: the device is in another campaign.</summary>
    public const string Busy = "busy";

    /// <summary>Skipped: the device already runs the target software version.</summary>
    public const string AlreadyAtVersion = "already_at_version";

    /// <summary>Skipped: the index lists a device whose grain knows nothing of it.</summary>
    public const string UnknownDevice = "unknown_device";

    /// <summary>Not reached: the deadline passed before the task was sent.</summary>
    public const string Deadline = "deadline";

    /// <summary>Not reached: the campaign was cancelled (or the task withdrawn) before the task was sent.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Failed: the task was sent but nothing ended it before the deadline.</summary>
    public const string Timeout = "timeout";

    /// <summary>Failed: the transfer completed but the device reports another software version afterwards.</summary>
    public const string VersionMismatch = "version_mismatch";

    /// <summary>Failed: the device no longer holds the task (forgotten, or pruned).</summary>
    public const string TaskLost = "task_lost";
}
