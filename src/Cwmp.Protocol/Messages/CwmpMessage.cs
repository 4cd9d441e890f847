using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// One CWMP RPC message: the single element inside soap-env:Body. The hierarchy is closed (the members that write
/// XML are internal): <see cref="CwmpRequest"/>, <see cref="CwmpResponse"/> and <see cref="CwmpFault"/>.
/// </summary>
public abstract record CwmpMessage
{
    private protected CwmpMessage()
    {
    }

    /// <summary>The element name, e.g. "Inform" or "GetParameterValuesResponse".</summary>
    public abstract string MethodName { get; }

    /// <summary>The first CWMP version whose schema defines this message.</summary>
    public virtual CwmpVersion MinimumVersion => CwmpVersion.Version10;

    /// <summary>Writes the children of the RPC element.</summary>
    internal abstract void WriteContent(CwmpXmlWriter writer);

    /// <summary>Writes the element inside soap-env:Body.</summary>
    internal virtual void WriteBody(CwmpXmlWriter writer)
    {
        writer.StartRpc(MethodName);
        WriteContent(writer);
        writer.EndRpc(MethodName);
    }
}

/// <summary>A request: from the CPE to the ACS (Inform, TransferComplete, …) or from the ACS to the CPE (GetParameterValues, …).</summary>
public abstract record CwmpRequest : CwmpMessage
{
    private protected CwmpRequest()
    {
    }
}

/// <summary>A successful answer to a <see cref="CwmpRequest"/>.</summary>
public abstract record CwmpResponse : CwmpMessage
{
    private protected CwmpResponse()
    {
    }
}
