using System.Buffers;
using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// Writes a CWMP envelope exactly as strict CPEs expect it (checklist §1, §6.10): UTF-8, no indentation, the standard
/// prefixes soap-env, soap-enc, xsd, xsi and cwmp, the cwmp namespace of the envelope (the one the CPE used),
/// soap-enc:arrayType on arrays and xsi:type on every parameter value.
/// </summary>
public static class CwmpWriter
{
    /// <summary>Writes into a buffer writer (for example a PipeWriter), without building the document as a string.</summary>
    public static void Write(CwmpEnvelope envelope, IBufferWriter<byte> output, CwmpWriterOptions? options = null)
    {
        var writer = new CwmpXmlWriter(output, options ?? CwmpWriterOptions.Default);
        if (writer.Options.XmlDeclaration)
        {
            writer.Raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"u8);
        }

        writer.Raw("<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:soap-enc=\"http://schemas.xmlsoap.org/soap/encoding/\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:cwmp=\""u8);
        writer.Text(envelope.CwmpNamespace);
        writer.Raw("\">"u8);
        WriteHeader(writer, envelope.Header);
        writer.Raw("<soap-env:Body>"u8);
        envelope.Body.WriteBody(writer);
        writer.Raw("</soap-env:Body></soap-env:Envelope>"u8);
    }

    /// <summary>Writes to a new array.</summary>
    public static byte[] WriteToArray(CwmpEnvelope envelope, CwmpWriterOptions? options = null)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        Write(envelope, buffer, options);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes to a stream through a pooled buffer.</summary>
    public static async ValueTask WriteAsync(CwmpEnvelope envelope, Stream output, CwmpWriterOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var buffer = new PooledBufferWriter();
        Write(envelope, buffer, options);
        await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    private static void WriteHeader(CwmpXmlWriter writer, CwmpHeader header)
    {
        if (header.IsEmpty)
        {
            return;
        }

        writer.Raw("<soap-env:Header>"u8);
        if (header.Id is not null)
        {
            writer.Raw("<cwmp:ID soap-env:mustUnderstand=\"1\">"u8);
            writer.Text(header.Id);
            writer.Raw("</cwmp:ID>"u8);
        }

        if (header.HoldRequests is bool hold)
        {
            writer.Raw("<cwmp:HoldRequests soap-env:mustUnderstand=\"1\">"u8);
            writer.Boolean(hold);
            writer.Raw("</cwmp:HoldRequests>"u8);
        }

        if (header.NoMoreRequests is bool noMore)
        {
            writer.Raw("<cwmp:NoMoreRequests>"u8);
            writer.Raw(noMore ? "1"u8 : "0"u8);
            writer.Raw("</cwmp:NoMoreRequests>"u8);
        }

        if (header.SessionTimeout is uint timeout)
        {
            writer.Raw("<cwmp:SessionTimeout soap-env:mustUnderstand=\"0\">"u8);
            writer.Integer(timeout);
            writer.Raw("</cwmp:SessionTimeout>"u8);
        }

        if (header.SupportedCwmpVersions is not null)
        {
            writer.Raw("<cwmp:SupportedCWMPVersions soap-env:mustUnderstand=\"0\">"u8);
            writer.Text(header.SupportedCwmpVersions);
            writer.Raw("</cwmp:SupportedCWMPVersions>"u8);
        }

        if (header.UseCwmpVersion is not null)
        {
            writer.Raw("<cwmp:UseCWMPVersion soap-env:mustUnderstand=\"1\">"u8);
            writer.Text(header.UseCwmpVersion);
            writer.Raw("</cwmp:UseCWMPVersion>"u8);
        }

        writer.Raw("</soap-env:Header>"u8);
    }
}
