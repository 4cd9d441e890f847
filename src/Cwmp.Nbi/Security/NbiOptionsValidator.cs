using Microsoft.Extensions.Options;

namespace Cwmp.Nbi.Security;

/// <summary>Refuses a start with API keys that could never match or that collide, so that a typo is found at start-up.</summary>
internal sealed class NbiOptionsValidator : IValidateOptions<NbiOptions>
{
    /// <summary>Shorter plain keys are guessable; a generated key (e.g. <c>openssl rand -hex 32</c>) is far longer.</summary>
    public const int MinimumKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, NbiOptions options)
    {
        List<string> failures = [];
        HashSet<string> names = new(StringComparer.Ordinal);
        for (int i = 0; i < options.ApiKeys.Count; i++)
        {
            NbiApiKey key = options.ApiKeys[i];
            string at = $"{NbiOptions.SectionName}:ApiKeys:{i}";
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                failures.Add($"{at}:Name is empty.");
            }
            else if (!names.Add(key.Name))
            {
                failures.Add($"{at}:Name '{key.Name}' is used by another key.");
            }

            if (!Enum.IsDefined(key.Role))
            {
                failures.Add($"{at}:Role must be Viewer, Operator or Admin.");
            }

            bool hasHash = !string.IsNullOrEmpty(key.KeySha256);
            bool hasKey = !string.IsNullOrEmpty(key.Key);
            if (hasHash == hasKey)
            {
                failures.Add($"{at} needs exactly one of KeySha256 and Key.");
            }
            else if (hasHash && !ApiKeyStore.TryParseHash(key.KeySha256!, out _))
            {
                failures.Add($"{at}:KeySha256 is not 64 hex characters (SHA-256 of the key's UTF-8 bytes).");
            }
            else if (hasKey && key.Key!.Length < MinimumKeyLength)
            {
                failures.Add($"{at}:Key is shorter than {MinimumKeyLength} characters.");
            }
        }

        if (options.MaxWait < TimeSpan.Zero || options.MaxWait > TimeSpan.FromHours(1))
        {
            failures.Add($"{NbiOptions.SectionName}:MaxWait must be between 0 and 1 hour.");
        }

        if (string.IsNullOrWhiteSpace(options.Audit.KeyPrefix) || options.Audit.MaxEntries < 1 || options.Audit.MaxEntriesPerDevice < 1)
        {
            failures.Add($"{NbiOptions.SectionName}:Audit needs a KeyPrefix and positive MaxEntries and MaxEntriesPerDevice.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
