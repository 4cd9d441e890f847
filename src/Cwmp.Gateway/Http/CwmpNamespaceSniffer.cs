using System.Text;
using Cwmp.Protocol;

namespace Cwmp.Gateway.Http;

/// <summary>
/// The cwmp namespace a body that did not parse used, found by a byte search, so that the fault answering it is in
/// the CPE's own namespace (checklist §1). cwmp-1-0 when none is found.
/// </summary>
internal static class CwmpNamespaceSniffer
{
    public static string Find(ReadOnlySpan<byte> body)
    {
        ReadOnlySpan<byte> prefix = "urn:dslforum-org:cwmp-1-"u8;
        int start = body.IndexOf(prefix);
        if (start < 0)
        {
            return CwmpNamespaces.Cwmp10;
        }

        int end = start + prefix.Length;
        while (end < body.Length && end - start < prefix.Length + 3 && body[end] >= (byte)'0' && body[end] <= (byte)'9')
        {
            end++;
        }

        string candidate = Encoding.ASCII.GetString(body[start..end]);
        return candidate switch
        {
            CwmpNamespaces.Cwmp10 => CwmpNamespaces.Cwmp10,
            CwmpNamespaces.Cwmp11 => CwmpNamespaces.Cwmp11,
            CwmpNamespaces.Cwmp12 => CwmpNamespaces.Cwmp12,
            CwmpNamespaces.Cwmp13 => CwmpNamespaces.Cwmp13,
            CwmpNamespaces.Cwmp14 => CwmpNamespaces.Cwmp14,
            _ => CwmpNamespaces.IsCwmp(candidate) ? candidate : CwmpNamespaces.Cwmp10,
        };
    }
}
