namespace Cwmp.Gateway.Sessions;

/// <summary>How the gateway found the device of a POST, in the order of ADR 0003.</summary>
internal enum SessionSource
{
    Inform,
    Cookie,
    Connection,
    Identity,
    Locator,
}
