namespace Cwmp.Nbi;

/// <summary>Configuration section <c>Cwmp:Nbi</c>: who may call the northbound API and how long a call may wait.</summary>
public sealed class NbiOptions
{
    public const string SectionName = "Cwmp:Nbi";

    /// <summary>
    /// Whether callers must present an API key. Off only for labs: every caller is then an admin (a warning says so
    /// at start-up).
    /// </summary>
    public bool RequireAuthentication { get; set; } = true;

    /// <summary>The keys that may call the API, each with a name (the audit's "who") and a role.</summary>
    public IList<NbiApiKey> ApiKeys { get; } = [];

    /// <summary>The longest wait a task submission may ask for (<c>timeout</c>).</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The audit log's Redis key prefix and how many entries it keeps.</summary>
    public NbiAuditOptions Audit { get; set; } = new();
}

/// <summary>One API key. Give <see cref="KeySha256"/> (the hex SHA-256 of the key) in production, <see cref="Key"/> in a lab.</summary>
public sealed class NbiApiKey
{
    /// <summary>Who the caller is, in the audit log and in the task's requester.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Viewer (reads), Operator (tasks, tags, device delete) or Admin (everything, audit included).</summary>
    public NbiRole Role { get; set; } = NbiRole.Viewer;

    /// <summary>Lowercase or uppercase hex of SHA-256 over the key's UTF-8 bytes (64 characters).</summary>
    public string? KeySha256 { get; set; }

    /// <summary>The key itself: convenient for labs, but then the configuration is a secret.</summary>
    public string? Key { get; set; }
}

/// <summary>Configuration section <c>Cwmp:Nbi:Audit</c>.</summary>
public sealed class NbiAuditOptions
{
    public string KeyPrefix { get; set; } = "cwmp:nbi:audit";

    /// <summary>Entries kept in the log of all devices (oldest dropped first).</summary>
    public int MaxEntries { get; set; } = 100_000;

    /// <summary>Entries kept per device.</summary>
    public int MaxEntriesPerDevice { get; set; } = 1_000;
}
