using System.Net;

namespace Cwmp.ConnectionRequests;

/// <summary>
/// The addresses of a host that the policy allows, in resolver order; when none is allowed, why the first one was
/// refused (<see cref="AddressRefusal.None"/> with no addresses: the name resolved to nothing).
/// </summary>
internal readonly record struct AddressSelection(IPAddress[] Allowed, AddressRefusal Refusal, IPAddress? RefusedAddress);
