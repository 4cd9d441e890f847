namespace Cwmp.Gateway.Diagnostics;

/// <summary>How one POST ended; the "outcome" tag of the request metrics.</summary>
internal enum RequestOutcome
{
    /// <summary>200 with an envelope.</summary>
    Envelope,

    /// <summary>200 with a SOAP fault the gateway or the grain wrote.</summary>
    Fault,

    /// <summary>204 (or the empty 200 of EndWithEmpty200): the session ended.</summary>
    SessionEnd,

    Unauthorized,
    IdentityMismatch,
    Forbidden,
    ParseError,
    PayloadTooLarge,
    UnsupportedEncoding,
    NoSession,
    Rejected,
    Busy,
    AdmissionRejected,
    Unavailable,
    ClientClosed,
    InternalError,
}

internal static class RequestOutcomeNames
{
    public static string Name(this RequestOutcome outcome) => outcome switch
    {
        RequestOutcome.Envelope => "envelope",
        RequestOutcome.Fault => "fault",
        RequestOutcome.SessionEnd => "session_end",
        RequestOutcome.Unauthorized => "unauthorized",
        RequestOutcome.IdentityMismatch => "identity_mismatch",
        RequestOutcome.Forbidden => "forbidden",
        RequestOutcome.ParseError => "parse_error",
        RequestOutcome.PayloadTooLarge => "payload_too_large",
        RequestOutcome.UnsupportedEncoding => "unsupported_encoding",
        RequestOutcome.NoSession => "no_session",
        RequestOutcome.Rejected => "rejected",
        RequestOutcome.Busy => "busy",
        RequestOutcome.AdmissionRejected => "admission_rejected",
        RequestOutcome.Unavailable => "unavailable",
        RequestOutcome.ClientClosed => "client_closed",
        _ => "internal_error",
    };
}
