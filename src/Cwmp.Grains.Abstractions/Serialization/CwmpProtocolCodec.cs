using System.Buffers;
using Cwmp.Protocol;
using Orleans.Serialization;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.Serializers;
using Orleans.Serialization.WireProtocol;

namespace Cwmp.Grains.Serialization;

/// <summary>
/// Serializes the Cwmp.Protocol types (<see cref="CwmpEnvelope"/> and every <see cref="CwmpMessage"/>) for Orleans
/// as the CWMP XML the protocol library already writes and parses, so the protocol types need no Orleans attributes
/// and the wire form is the one the whole project already tests against the BBF schemas (ADR 0003).
/// </summary>
/// <remarks>
/// Wire form: a tag-delimited object with field 0 = kind (0 envelope, 1 bare message), field 1 = the envelope's cwmp
/// namespace (envelopes only: the parser cannot see the namespace of an envelope whose body is a fault and whose header
/// is empty) and field 2 = the UTF-8 XML of an envelope (a bare message is wrapped in one). The copier hands back the
/// same instance: every protocol type is an immutable record.
/// </remarks>
[Alias(WellKnownAlias)]
internal sealed class CwmpProtocolCodec : IGeneralizedCodec, IGeneralizedCopier, ITypeFilter
{
    /// <summary>The alias the codec's type is written under.</summary>
    public const string WellKnownAlias = "cwmp-xml";

    private const uint EnvelopeKind = 0;
    private const uint MessageKind = 1;

    private static readonly Type SelfType = typeof(CwmpProtocolCodec);

    /// <summary>True for the types this codec writes: the envelope and every message type (abstract ones included).</summary>
    public static bool IsProtocolType(Type type) => type == typeof(CwmpEnvelope) || typeof(CwmpMessage).IsAssignableFrom(type);

    void IFieldCodec.WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, Type? expectedType, object? value)
    {
        if (ReferenceCodec.TryWriteReferenceField(ref writer, fieldIdDelta, expectedType, value))
        {
            return;
        }

        CwmpEnvelope envelope = value switch
        {
            CwmpEnvelope e => e,
            CwmpMessage m => new CwmpEnvelope(ExactXml.WrapperNamespace, CwmpHeader.Empty, m),
            _ => throw new ArgumentException($"{value!.GetType()} is not a CWMP protocol type.", nameof(value)),
        };
        bool isEnvelope = value is CwmpEnvelope;

        // The field's type is the codec itself: reading it back routes the payload here whatever the declared type.
        writer.WriteFieldHeader(fieldIdDelta, expectedType, SelfType, WireType.TagDelimited);
        UInt32Codec.WriteField(ref writer, 0, isEnvelope ? EnvelopeKind : MessageKind);
        uint lastId = 0;
        if (isEnvelope)
        {
            StringCodec.WriteField(ref writer, 1, envelope.CwmpNamespace);
            lastId = 1;
        }

        using var xml = new PooledBufferWriter();
        CwmpWriter.Write(envelope, xml, ExactXml.WriterOptions);
        ReferenceCodec.MarkValueField(writer.Session);
        writer.WriteFieldHeaderExpected(2 - lastId, WireType.LengthPrefixed);
        writer.WriteVarUInt32((uint)xml.WrittenSpan.Length);
        writer.Write(xml.WrittenSpan);
        writer.WriteEndObject();
    }

    object? IFieldCodec.ReadValue<TInput>(ref Reader<TInput> reader, Field field)
    {
        if (field.IsReference)
        {
            return ReferenceCodec.ReadReference(ref reader, field.FieldType);
        }

        field.EnsureWireTypeTagDelimited();
        uint placeholder = ReferenceCodec.CreateRecordPlaceholder(reader.Session);
        uint kind = EnvelopeKind;
        string? cwmpNamespace = null;
        CwmpEnvelope? envelope = null;
        uint fieldId = 0;
        while (true)
        {
            Field header = reader.ReadFieldHeader();
            if (header.IsEndBaseOrEndObject)
            {
                break;
            }

            fieldId += header.FieldIdDelta;
            switch (fieldId)
            {
                case 0:
                    kind = UInt32Codec.ReadValue(ref reader, header);
                    break;
                case 1:
                    cwmpNamespace = StringCodec.ReadValue(ref reader, header);
                    break;
                case 2:
                    header.EnsureWireType(WireType.LengthPrefixed);
                    ReferenceCodec.MarkValueField(reader.Session);
                    envelope = ReadEnvelope(ref reader);
                    break;
                default:
                    reader.ConsumeUnknownField(header);
                    break;
            }
        }

        if (envelope is null)
        {
            throw new RequiredFieldMissingException("The serialized CWMP value has no XML.");
        }

        object result = kind == MessageKind ? envelope.Body
            : cwmpNamespace is not null && cwmpNamespace != envelope.CwmpNamespace ? envelope with { CwmpNamespace = cwmpNamespace }
            : envelope;
        ReferenceCodec.RecordObject(reader.Session, result, placeholder);
        return result;
    }

    bool IGeneralizedCodec.IsSupportedType(Type type) => type == SelfType || IsProtocolType(type);

    object? IDeepCopier.DeepCopy(object? input, CopyContext context) => input;

    bool IGeneralizedCopier.IsSupportedType(Type type) => IsProtocolType(type);

    bool? ITypeFilter.IsTypeAllowed(Type type) => type == SelfType || IsProtocolType(type) ? true : null;

    private static CwmpEnvelope ReadEnvelope<TInput>(ref Reader<TInput> reader)
    {
        int length = checked((int)reader.ReadVarUInt32());
        byte[] buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            reader.ReadBytes(buffer.AsSpan(0, length));
            return CwmpParser.Parse(buffer.AsMemory(0, length), ExactXml.ParserOptions)
                ?? throw new RequiredFieldMissingException("The serialized CWMP XML is empty.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
