using System.Globalization;

namespace Cwmp.Protocol;

/// <summary>
/// An xsd:dateTime as CPEs really send it. A value that parses is kept as a UTC instant; one that does not
/// (no digits, a wrong format) is kept as its raw text so that nothing is lost (checklist §6.6).
/// A time without a zone is taken as UTC. <see cref="Unknown"/> is TR-069's "unknown time", 0001-01-01T00:00:00Z.
/// </summary>
public readonly struct CwmpDateTime : IEquatable<CwmpDateTime>
{
    private readonly string? _raw;

    private CwmpDateTime(DateTimeOffset? value, string? raw)
    {
        Value = value;
        _raw = raw;
    }

    /// <summary>TR-069's unknown time, 0001-01-01T00:00:00Z; also the default value.</summary>
    public static CwmpDateTime Unknown => default;

    /// <summary>The instant in UTC, or null when the text did not parse.</summary>
    public DateTimeOffset? Value { get; }

    /// <summary>The text as received; null for a value built from an instant.</summary>
    public string? Raw => _raw;

    public bool IsUnknown => Value is null ? _raw is null : Value.Value.UtcTicks == 0;

    /// <summary>The instant, with <see cref="DateTimeOffset.MinValue"/> for the unknown time and unparsed text.</summary>
    public DateTimeOffset ValueOrMin => Value ?? DateTimeOffset.MinValue;

    public static CwmpDateTime From(DateTimeOffset value) => new(value.ToUniversalTime(), null);

    public static implicit operator CwmpDateTime(DateTimeOffset value) => From(value);

    /// <summary>Parses any xsd:dateTime form; never fails: what does not parse is kept raw.</summary>
    public static CwmpDateTime Parse(string text)
    {
        ReadOnlySpan<char> trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return default;
        }

        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset value)
            && trimmed.Length >= 10 && trimmed[4] == '-')
        {
            return value.UtcTicks == 0 ? default : new CwmpDateTime(value, text);
        }

        return new CwmpDateTime(null, text);
    }

    /// <summary>Formats as xsd:dateTime in UTC: whole seconds, or with the fraction when asked and non-zero.</summary>
    public string Format(bool withFraction)
    {
        if (Value is null)
        {
            return _raw ?? "0001-01-01T00:00:00Z";
        }

        DateTimeOffset utc = Value.Value;
        return withFraction && utc.Ticks % TimeSpan.TicksPerSecond != 0
            ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    public bool Equals(CwmpDateTime other) =>
        Value is { } mine ? other.Value is { } theirs && mine.UtcTicks == theirs.UtcTicks
        : other.Value is null && (IsUnknown ? other.IsUnknown : string.Equals(_raw, other._raw, StringComparison.Ordinal));

    public override bool Equals(object? obj) => obj is CwmpDateTime other && Equals(other);

    public override int GetHashCode() => Value is { } v ? v.UtcTicks.GetHashCode() : (_raw?.GetHashCode(StringComparison.Ordinal) ?? 0);

    public static bool operator ==(CwmpDateTime left, CwmpDateTime right) => left.Equals(right);

    public static bool operator !=(CwmpDateTime left, CwmpDateTime right) => !left.Equals(right);

    public override string ToString() => Format(withFraction: true);
}
