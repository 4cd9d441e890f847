namespace Cwmp.DataModel;

/// <summary>The rule a value broke.</summary>
public enum ValidationRule
{
    None,

    /// <summary>The path is in no loaded data model (and is not a vendor X_ extension).</summary>
    UnknownParameter,

    /// <summary>The path names an object, or a parameter the ACS cannot write.</summary>
    NotWritable,

    /// <summary>The value is not of the parameter's type (not a number, not a boolean, …).</summary>
    Type,

    /// <summary>A number outside the allowed ranges.</summary>
    Range,

    /// <summary>A value not in the enumeration (or a read-only enumeration value).</summary>
    Enumeration,

    /// <summary>A string (or binary) length outside the allowed sizes.</summary>
    Length,

    /// <summary>A string that matches none of the allowed patterns.</summary>
    Pattern,

    /// <summary>A list with too few or too many items, or too long as a whole.</summary>
    ListItems,
}
