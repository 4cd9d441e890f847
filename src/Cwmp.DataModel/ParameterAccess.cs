namespace Cwmp.DataModel;

/// <summary>Who may write a parameter (the BBF <c>access</c> attribute).</summary>
public enum ParameterAccess
{
    ReadOnly,
    ReadWrite,

    /// <summary>Written once by the ACS (e.g. an Alias at creation), read-only afterwards: accepted as writable.</summary>
    WriteOnceReadOnly,
}
