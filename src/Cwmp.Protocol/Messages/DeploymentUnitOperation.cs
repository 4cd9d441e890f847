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

    /// <summary>Reads one &lt;Operations&gt; element (positioned on it); its xsi:type decides the kind.</summary>
    internal static DeploymentUnitOperation Read(CwmpElementReader reader)
    {
        // A prefix bound to the cwmp namespace comes back as "cwmp:"; a missing or unbound one is kept as sent, so
        // only the local name is compared.
        string? type = reader.ReadXsiType();
        string localName = type is null ? string.Empty : type[(type.LastIndexOf(':') + 1)..];
        return localName switch
        {
            "InstallOpStruct" => InstallOperation.Read(reader),
            "UpdateOpStruct" => UpdateOperation.Read(reader),
            "UninstallOpStruct" => UninstallOperation.Read(reader),
            _ => throw reader.Fail(
                CwmpParseError.InvalidValue,
                type is null ? "<Operations> has no xsi:type." : $"'{type}' is not a ChangeDUState operation type."),
        };
    }

    private protected abstract void WriteFields(CwmpXmlWriter writer);
}
