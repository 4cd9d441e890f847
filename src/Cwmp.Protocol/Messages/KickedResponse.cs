using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>KickedResponse: the URL the CPE sends the user's browser to after a <see cref="Kicked"/>.</summary>
public sealed record KickedResponse(string NextUrl) : CwmpResponse
{
    public override string MethodName => "KickedResponse";

    internal override void WriteContent(CwmpXmlWriter writer) => writer.Element("NextURL"u8, NextUrl);

    internal static KickedResponse Read(CwmpElementReader reader)
    {
        string nextUrl = string.Empty;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                if (reader.LocalName == "NextURL")
                {
                    nextUrl = reader.ReadString();
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return new KickedResponse(nextUrl);
    }
}
