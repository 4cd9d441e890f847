namespace Cwmp.DataModel;

/// <summary>The outcome of validating one value: OK, or the parameter, the rule it broke, and why in words.</summary>
public sealed record ValidationResult(string Path, ValidationRule Rule, string Message)
{
    public bool IsValid => Rule == ValidationRule.None;

    public static ValidationResult Ok(string path) => new(path, ValidationRule.None, string.Empty);

    public override string ToString() => IsValid ? $"{Path}: ok" : $"{Path}: {Rule}: {Message}";
}
