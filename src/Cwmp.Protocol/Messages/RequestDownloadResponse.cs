using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>RequestDownloadResponse: the ACS's acknowledgement of a <see cref="RequestDownload"/>; it has no content (the download itself comes later as a Download request).</summary>
public sealed record RequestDownloadResponse : CwmpResponse
{
    public override string MethodName => "RequestDownloadResponse";

    internal override void WriteContent(CwmpXmlWriter writer)
    {
    }

    internal static RequestDownloadResponse Read(CwmpElementReader reader)
    {
        reader.Skip();
        return new RequestDownloadResponse();
    }
}
