using System.Text;
using Cwmp.Grains.Serialization;
using Cwmp.Protocol;

namespace Cwmp.Grains;

/// <summary>
/// The text form of one protocol message for storage: the RPC element as <see cref="CwmpWriter"/> writes it (for a
/// fault, the soap-env:Fault element), without the envelope around it, which is the same for every message. It reads
/// back equal to the message, and it does not depend on the serializer a storage provider is configured with.
/// </summary>
public static class CwmpMessageXml
{
    private const string BodyStart = "<soap-env:Body>";
    private const string BodyEnd = "</soap-env:Body>";

    // The envelope text around a body, taken from the writer itself rather than repeated here.
    private static readonly (string Prefix, string Suffix) Frame = MeasureFrame();

    /// <summary>The message's element, e.g. <c>&lt;cwmp:Reboot&gt;&lt;CommandKey&gt;k&lt;/CommandKey&gt;&lt;/cwmp:Reboot&gt;</c>.</summary>
    public static string Write(CwmpMessage message)
    {
        string envelope = WriteEnvelope(message);
        if (!envelope.StartsWith(Frame.Prefix, StringComparison.Ordinal) || !envelope.EndsWith(Frame.Suffix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The writer framed the message differently from the measured envelope.");
        }

        return envelope[Frame.Prefix.Length..^Frame.Suffix.Length];
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static CwmpMessage Read(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        CwmpEnvelope? envelope = CwmpParser.Parse(Encoding.UTF8.GetBytes(Frame.Prefix + xml + Frame.Suffix), ExactXml.ParserOptions);
        return envelope?.Body ?? throw new FormatException("The stored message is empty.");
    }

    /// <summary>Reads what <see cref="Write"/> wrote, as the message type expected.</summary>
    public static T Read<T>(string xml)
        where T : CwmpMessage =>
        Read(xml) as T ?? throw new FormatException($"The stored message is not a {typeof(T).Name}.");

    private static string WriteEnvelope(CwmpMessage message) =>
        Encoding.UTF8.GetString(CwmpWriter.WriteToArray(new CwmpEnvelope(ExactXml.WrapperNamespace, CwmpHeader.Empty, message), ExactXml.WriterOptions));

    private static (string Prefix, string Suffix) MeasureFrame()
    {
        string probe = WriteEnvelope(new GetRPCMethods());
        int start = probe.IndexOf(BodyStart, StringComparison.Ordinal) + BodyStart.Length;
        int end = probe.LastIndexOf(BodyEnd, StringComparison.Ordinal);
        return (probe[..start], probe[end..]);
    }
}
