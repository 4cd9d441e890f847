using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// One operation of a <see cref="ChangeDUState"/>: <see cref="InstallOperation"/>, <see cref="UpdateOperation"/> or
/// <see cref="UninstallOperation"/>. On the wire each is an &lt;Operations&gt; element whose xsi:type names the kind
/// (cwmp-1-2.xsd OperationStruct is abstract); the hierarchy is closed.
/// </summary>
public abstract record DeploymentUnitOperation
{
    private protected DeploymentUnitOperation()
    {
    }

    /// <summary>
    /// The xsi:type, always with the literal "cwmp:" prefix: some CPEs (icwmp) compare the attribute text instead of
    /// resolving the prefix (checklist §6.10).
    /// </summary>
    private protected abstract ReadOnlySpan<byte> XsiType { get; }

    internal void Write(CwmpXmlWriter writer)
    {
        writer.Raw("<Operations xsi:type=\""u8);
        writer.Raw(XsiType);
        writer.Raw("\">"u8);
        WriteFields(writer);
        writer.Raw("</Operations>"u8);
    }

    /// <summary>
    /// Reads one &lt;Operations&gt; element (positioned on it) into <paramref name="operations"/>. The schema form is
    /// an operation typed by xsi:type. Some ACSes follow TR-069's tables instead and send one SOAP array wrapper whose
    /// items are typed by xsi:type or named InstallOpStruct/UpdateOpStruct/UninstallOpStruct; both are accepted.
    /// </summary>
    internal static void ReadInto(CwmpElementReader reader, List<DeploymentUnitOperation> operations)
    {
        string? type = reader.ReadXsiType();
        if (type is not null)
        {
            Add(reader, operations, ReadTyped(reader, type));
            return;
        }

        if (!reader.EnterElement())
        {
            throw reader.Fail(CwmpParseError.InvalidValue, "<Operations> has no xsi:type and no items.");
        }

        while (reader.NextChild())
        {
            Add(reader, operations, ReadTyped(reader, reader.ReadXsiType() ?? reader.LocalName));
        }
    }

    private static void Add(CwmpElementReader reader, List<DeploymentUnitOperation> operations, DeploymentUnitOperation operation)
    {
        if (operations.Count >= reader.Options.MaxArrayLength)
        {
            throw reader.Fail(CwmpParseError.ArrayTooLong, "Too many ChangeDUState operations.");
        }

        operations.Add(operation);
    }

    // A prefix bound to the cwmp namespace comes back as "cwmp:"; a missing or unbound one is kept as sent, so only
    // the local name is compared.
    private static DeploymentUnitOperation ReadTyped(CwmpElementReader reader, string type) =>
        type[(type.LastIndexOf(':') + 1)..] switch
        {
            "InstallOpStruct" => InstallOperation.Read(reader),
            "UpdateOpStruct" => UpdateOperation.Read(reader),
            "UninstallOpStruct" => UninstallOperation.Read(reader),
            _ => throw reader.Fail(CwmpParseError.InvalidValue, $"'{type}' is not a ChangeDUState operation type."),
        };

    private protected abstract void WriteFields(CwmpXmlWriter writer);
}
