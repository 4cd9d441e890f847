namespace Cwmp.Protocol;

/// <summary>
/// A whole CWMP SOAP envelope: the cwmp namespace it uses (echoed back exactly, checklist §1), the header and the
/// single RPC message in the body.
/// </summary>
public sealed record CwmpEnvelope(string CwmpNamespace, CwmpHeader Header, CwmpMessage Body)
{
    /// <summary>An envelope in the namespace of <paramref name="version"/> with only a cwmp:ID header.</summary>
    public static CwmpEnvelope Create(CwmpVersion version, string? id, CwmpMessage body) =>
        new(version.NamespaceUri, id is null ? CwmpHeader.Empty : CwmpHeader.WithId(id), body);

    /// <summary>An answer to this envelope: same namespace, same cwmp:ID.</summary>
    public CwmpEnvelope Reply(CwmpMessage body) =>
        new(CwmpNamespace, Header.Id is null ? CwmpHeader.Empty : CwmpHeader.WithId(Header.Id), body);
}
