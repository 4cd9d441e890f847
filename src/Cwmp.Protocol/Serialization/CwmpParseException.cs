namespace Cwmp.Protocol;

/// <summary>
/// The only exception <see cref="CwmpParser"/> throws for bad input. It says why (<see cref="Error"/>), which HTTP
/// status fits, and — when the envelope got as far as its header — the cwmp:ID, so that the answer can be a SOAP
/// fault the CPE correlates.
/// </summary>
public sealed class CwmpParseException : Exception
{
    public CwmpParseException(CwmpParseError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    public CwmpParseException()
        : this(CwmpParseError.MalformedXml, "Malformed CWMP message.")
    {
    }

    public CwmpParseException(string message)
        : this(CwmpParseError.MalformedXml, message)
    {
    }

    public CwmpParseException(string message, Exception innerException)
        : this(CwmpParseError.MalformedXml, message, innerException)
    {
    }

    public CwmpParseError Error { get; }

    /// <summary>The cwmp:ID of the envelope, when it was read before the error.</summary>
    public string? RequestId { get; init; }

    /// <summary>The RPC name, when it was read before the error.</summary>
    public string? MethodName { get; init; }

    /// <summary>413 for an oversized body, 400 for everything else.</summary>
    public int HttpStatus => Error == CwmpParseError.BodyTooLarge ? 413 : 400;

    /// <summary>
    /// The CWMP fault code to answer with when the RPC was identified (<see cref="MethodName"/> is set): 8003 Invalid
    /// arguments for bad content, 8004 Resources exceeded for a limit.
    /// </summary>
    public int FaultCode => Error is CwmpParseError.ArrayTooLong or CwmpParseError.StringTooLong or CwmpParseError.TooManyElements or CwmpParseError.TagTooLong
        ? FaultCodes.ResourcesExceeded
        : FaultCodes.InvalidArguments;
}
