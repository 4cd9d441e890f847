namespace Cwmp.Grains;

/// <summary>The rule every tag follows, checked by the NBI before a call and by the grain on it.</summary>
public static class DeviceTags
{
    public const int MaxLength = 128;

    /// <summary>True when <paramref name="tag"/> is 1–128 characters of <c>[A-Za-z0-9_.:-]</c>.</summary>
    public static bool IsValid(string? tag) =>
        !string.IsNullOrEmpty(tag) && tag.Length <= MaxLength && tag.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':' or '-');

    /// <summary>Returns <paramref name="tag"/> when it is valid.</summary>
    /// <exception cref="ArgumentException">It is not.</exception>
    public static string Validate(string tag) =>
        IsValid(tag)
            ? tag
            : throw new ArgumentException($"Tag '{tag}' is not 1–{MaxLength} characters of A-Z, a-z, 0-9, '_', '.', ':' or '-'.", nameof(tag));
}
