namespace Cwmp.Nbi.Security;

/// <summary>Names of the NBI's authentication scheme, claims and authorization policies.</summary>
internal static class NbiAuthentication
{
    public const string Scheme = "CwmpNbiApiKey";
    public const string RoleClaim = "cwmp.nbi.role";
    public const string ApiKeyHeader = "X-API-Key";
    public const string Realm = "cwmp-nbi";

    /// <summary>The caller's name in lab mode when it presents no valid key.</summary>
    public const string LabCaller = "lab";

    public static string PolicyFor(NbiRole role) => "cwmp.nbi." + role.ToString().ToLowerInvariant();
}
