using Cwmp.Protocol;

namespace Cwmp.Nbi.Tasks;

/// <summary>A task body, checked: the RPC(s) it maps to, a line for the audit, and the body's own options.</summary>
/// <param name="Requests">One request, or two for <c>refresh</c> (GetParameterNames then GetParameterValues).</param>
/// <param name="Summary">For the audit log: the method and the names it touches, never values or passwords.</param>
/// <param name="ConnectionRequest">The body's <c>connectionRequest</c>, when given.</param>
/// <param name="TimeoutSeconds">The body's <c>timeout</c>, when given.</param>
internal sealed record TaskSubmission(IReadOnlyList<CwmpRequest> Requests, string Summary, bool? ConnectionRequest, long? TimeoutSeconds);
