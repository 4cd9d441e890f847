namespace Cwmp.Gateway.Sessions;

/// <summary>The device (and session, when known) a POST belongs to.</summary>
internal sealed record ResolvedSession(string DeviceKey, string? SessionId, SessionSource Source);
