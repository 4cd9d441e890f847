namespace Cwmp.Nbi.Audit;

/// <summary>One mutating NBI call: who did what to which device, when, and how it ended.</summary>
/// <param name="Id">Unique; also keeps two entries of the same millisecond apart in the store.</param>
/// <param name="At">When the call was answered.</param>
/// <param name="Actor">The API key's name ("lab" in lab mode without a key, "anonymous" when refused before authentication).</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path.</param>
/// <param name="Summary">What the call asked for, e.g. "GetParameterValues Device.DeviceInfo.UpTime"; never a secret.</param>
/// <param name="DeviceKey">The device, when the call names one.</param>
/// <param name="Status">The HTTP status it was answered with.</param>
public sealed record AuditEntry(
    string Id,
    DateTimeOffset At,
    string Actor,
    string Method,
    string Path,
    string? Summary,
    string? DeviceKey,
    int Status);

/// <summary>A query of the audit log, newest first.</summary>
/// <param name="DeviceKey">Only this device's entries; null: every device.</param>
/// <param name="Since">Only entries at or after this time.</param>
/// <param name="Limit">At most this many (1–1000).</param>
public sealed record AuditQuery(string? DeviceKey, DateTimeOffset? Since, int Limit);
