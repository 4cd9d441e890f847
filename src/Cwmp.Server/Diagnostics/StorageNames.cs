namespace Cwmp.Server.Diagnostics;

internal static class StorageNames
{
    /// <summary>
    /// Grain storage for diagnostics records; its entries expire, so probes from hosts that are gone (every pod
    /// restart brings a new host name) do not accumulate.
    /// </summary>
    public const string Diagnostics = "diagnostics";

    public static readonly TimeSpan DiagnosticsExpiry = TimeSpan.FromDays(7);
}
