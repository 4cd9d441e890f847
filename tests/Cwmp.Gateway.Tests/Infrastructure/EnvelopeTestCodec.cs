using System.Buffers;
using System.Text;
using Cwmp.Protocol;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.Serializers;
using Orleans.Serialization.WireProtocol;

namespace Cwmp.Gateway.Tests.Infrastructure;

/// <summary>
/// Test-only stand-in for the real protocol codec (being built in Cwmp.Grains.Abstractions): a CwmpEnvelope, or any
/// CwmpMessage wrapped in one, crosses the cluster as the XML CwmpWriter writes, and comes back through CwmpParser.
/// The field header always names the declared type (the XML carries the concrete one), so no protocol type needs to
/// be known to Orleans' type resolver. Copies are the same instance (the protocol types are immutable).
/// </summary>
internal sealed class EnvelopeTestCodec : IGeneralizedCodec, IGeneralizedCopier
{
    private const byte EnvelopeMarker = (byte)'E';
    private const byte MessageMarker = (byte)'M';

    public bool IsSupportedType(Type type) => type == typeof(CwmpEnvelope) || typeof(CwmpMessage).IsAssignableFrom(type);

    public object? DeepCopy(object? input, CopyContext context) => input;

    public void WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, Type? expectedType, object? value)
        where TBufferWriter : IBufferWriter<byte>
    {
        if (ReferenceCodec.TryWriteReferenceField(ref writer, fieldIdDelta, expectedType, value))
        {
            return;
        }

        Type declared = expectedType ?? value!.GetType();
        writer.WriteFieldHeader(fieldIdDelta, expectedType, declared, WireType.LengthPrefixed);
        // One leading byte says whether the value is the envelope itself or only its body: the reader cannot tell from
        // the field header, which names the declared type only when it differs from the expected one.
        byte[] xml = ToXml(value as CwmpEnvelope ?? new CwmpEnvelope(CwmpNamespaces.Cwmp12, CwmpHeader.Empty, (CwmpMessage)value!));
        writer.WriteVarUInt32((uint)xml.Length + 1);
        writer.WriteByte(value is CwmpEnvelope ? EnvelopeMarker : MessageMarker);
        writer.Write(xml);
    }

    public object? ReadValue<TInput>(ref Reader<TInput> reader, Field field)
    {
        if (field.WireType == WireType.Reference)
        {
            return ReferenceCodec.ReadReference<object, TInput>(ref reader, field);
        }

        field.EnsureWireType(WireType.LengthPrefixed);
        uint length = reader.ReadVarUInt32();
        byte[] payload = reader.ReadBytes(length);
        CwmpEnvelope envelope = CwmpParser.Parse(payload.AsMemory(1)) ?? throw new InvalidOperationException("An envelope serialized as an empty document.");
        object result = payload[0] == EnvelopeMarker ? envelope : envelope.Body;
        ReferenceCodec.RecordObject(reader.Session, result);
        return result;
    }

    // UnknownMessage cannot be written by CwmpWriter (the ACS never sends one); write its bare element instead.
    private static byte[] ToXml(CwmpEnvelope envelope) => envelope.Body is UnknownMessage unknown
        ? Encoding.UTF8.GetBytes(
            $"<s:Envelope xmlns:s=\"{CwmpNamespaces.SoapEnvelope}\" xmlns:cwmp=\"{envelope.CwmpNamespace}\">"
            + (envelope.Header.Id is null ? string.Empty : $"<s:Header><cwmp:ID>{System.Security.SecurityElement.Escape(envelope.Header.Id)}</cwmp:ID></s:Header>")
            + $"<s:Body><cwmp:{unknown.Name}/></s:Body></s:Envelope>")
        : CwmpWriter.WriteToArray(envelope);
}
