using Microsoft.AspNetCore.Http;

namespace Cwmp.Nbi.Audit;

/// <summary>What a handler tells the audit about the call it served ("Reboot", "tags +a -b").</summary>
internal static class AuditNote
{
    private const string Item = "cwmp.nbi.audit.summary";

    public static void Set(HttpContext context, string summary) => context.Items[Item] = summary;

    public static string? Get(HttpContext context) => context.Items.TryGetValue(Item, out object? value) ? value as string : null;
}
