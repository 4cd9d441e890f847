namespace Cwmp.DataModel;

// The members are TR-106's own type names, on purpose.
#pragma warning disable CA1720

/// <summary>The TR-106 primitive data types a parameter's value is one of (or a comma-separated list of).</summary>
public enum PrimitiveType
{
    String,
    Boolean,
    Int,
    UnsignedInt,
    Long,
    UnsignedLong,
    Decimal,
    DateTime,
    Base64,
    HexBinary,
}
