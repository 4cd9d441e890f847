using System.Text;
using Cwmp.Protocol;
using Cwmp.Swarm.Swarm;

namespace Cwmp.Swarm.Cpe;

/// <summary>Writes a device's envelopes with its profile's quirks, and reads the ACS's.</summary>
internal static class EnvelopeCodec
{
    public static byte[] Write(CwmpEnvelope envelope, CpeProfile profile)
    {
        byte[] bytes = CwmpWriter.WriteToArray(envelope, profile.WriterOptions);
        return profile.Prefixes is { } prefixes ? RewritePrefixes(bytes, prefixes.Envelope, prefixes.Cwmp) : bytes;
    }

    /// <summary>
    /// Swaps the writer's standard prefixes for a vendor's (checklist §6.1). Only markup is touched: text cannot
    /// contain "&lt;" or a quote unescaped, so the patterns below never match inside a value.
    /// </summary>
    internal static byte[] RewritePrefixes(byte[] xml, string envelopePrefix, string cwmpPrefix)
    {
        var text = new StringBuilder(Encoding.UTF8.GetString(xml));
        text.Replace("<soap-env:", "<" + envelopePrefix + ":")
            .Replace("</soap-env:", "</" + envelopePrefix + ":")
            .Replace("xmlns:soap-env=", "xmlns:" + envelopePrefix + "=")
            .Replace(" soap-env:mustUnderstand", " " + envelopePrefix + ":mustUnderstand")
            .Replace("<cwmp:", "<" + cwmpPrefix + ":")
            .Replace("</cwmp:", "</" + cwmpPrefix + ":")
            .Replace("xmlns:cwmp=", "xmlns:" + cwmpPrefix + "=")
            .Replace("\"cwmp:", "\"" + cwmpPrefix + ":");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static CwmpEnvelope? Read(byte[] body)
    {
        try
        {
            return CwmpParser.Parse(body);
        }
        catch (CwmpParseException e)
        {
            throw new SessionFailureException("parse", $"The ACS sent a body the CPE cannot parse: {e.Message}");
        }
    }
}
