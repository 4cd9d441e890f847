namespace Cwmp.Protocol;

/// <summary>Why a message could not be parsed. Each maps to an HTTP status via <see cref="CwmpParseException.HttpStatus"/>.</summary>
public enum CwmpParseError
{
    /// <summary>The body is larger than <see cref="CwmpParserOptions.MaxBodyBytes"/>.</summary>
    BodyTooLarge,

    /// <summary>Elements nest deeper than <see cref="CwmpParserOptions.MaxDepth"/>.</summary>
    TooDeep,

    /// <summary>More elements than <see cref="CwmpParserOptions.MaxElements"/>.</summary>
    TooManyElements,

    /// <summary>A value (or a CDATA section) longer than <see cref="CwmpParserOptions.MaxStringLength"/>.</summary>
    StringTooLong,

    /// <summary>An array longer than its limit.</summary>
    ArrayTooLong,

    /// <summary>The document has a DTD (DOCTYPE); entity tricks (XXE, billion laughs) are refused this way.</summary>
    DtdProhibited,

    /// <summary>The bytes are not valid in the document's encoding.</summary>
    InvalidEncoding,

    /// <summary>Not well-formed XML, including a truncated document.</summary>
    MalformedXml,

    /// <summary>The root element is not a SOAP 1.1 Envelope.</summary>
    NotSoapEnvelope,

    /// <summary>A SOAP 1.2 envelope; CWMP uses SOAP 1.1.</summary>
    Soap12Envelope,

    /// <summary>The envelope has no Body.</summary>
    MissingBody,

    /// <summary>The envelope has more than one Body.</summary>
    MultipleBodies,

    /// <summary>The Body holds no element, or more than one.</summary>
    InvalidBodyContent,

    /// <summary>The RPC element is in a namespace that is not a CWMP one.</summary>
    UnknownNamespace,

    /// <summary>A required element is missing.</summary>
    MissingElement,

    /// <summary>A value does not parse as its type (a number, a boolean).</summary>
    InvalidValue,

    /// <summary>A tag (a name with its attributes) longer than <see cref="CwmpParserOptions.MaxTagLength"/>.</summary>
    TagTooLong,
}
