using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Cwmp.Files;

/// <summary>
/// Builds and checks the expiring signed URLs of the file port. A file URL is
/// <c>/files/{id}?device={key}&amp;expires={unix}&amp;sig={s}&amp;sha256={hex}</c> with
/// s = base64url(HMAC-SHA256(secret, "{id}|{device}|{expires}")); an upload URL is
/// <c>/uploads/{key}/{name}?expires={unix}&amp;sig={s}</c> with s over "upload|{device}|{name}|{expires}", so that a
/// download signature can never be replayed as an upload one. sha256 is not signed: it is for the CPE (the swarm
/// checks it) and changes nothing on the server.
/// </summary>
public sealed class FileUrlSigner
{
    public const int MinimumSecretLength = 32;

    private readonly byte[] _key;
    private readonly CwmpFilesOptions _options;
    private readonly TimeProvider _time;

    public FileUrlSigner(IOptions<CwmpFilesOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        string? secret = _options.SigningSecret;
        if (string.IsNullOrEmpty(secret))
        {
            _key = RandomNumberGenerator.GetBytes(32);
            IsEphemeral = true;
        }
        else if (secret.Length < MinimumSecretLength)
        {
            throw new InvalidOperationException($"{CwmpFilesOptions.SectionName}:SigningSecret must be at least {MinimumSecretLength} characters.");
        }
        else
        {
            _key = Encoding.UTF8.GetBytes(secret);
        }
    }

    /// <summary>No secret is configured: this process made its own, and only it accepts the URLs it builds.</summary>
    public bool IsEphemeral { get; }

    /// <summary>A signed download URL of <paramref name="file"/> for one device, valid for the lifetime (default from options).</summary>
    public Uri BuildFileUrl(FileMetadata file, string deviceKey, TimeSpan? lifetime = null, Uri? baseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        long expires = ExpiresAt(lifetime);
        string signature = Sign(FileMessage(file.Id, deviceKey, expires));
        string query = string.Create(CultureInfo.InvariantCulture,
            $"device={Uri.EscapeDataString(deviceKey)}&expires={expires}&sig={signature}&sha256={file.Sha256}");
        return new Uri(BaseOf(baseUrl), "files/" + Uri.EscapeDataString(file.Id) + "?" + query);
    }

    /// <summary>A signed upload URL for one device and upload name (the Upload request's URL).</summary>
    public Uri BuildUploadUrl(string deviceKey, string name, TimeSpan? lifetime = null, Uri? baseUrl = null)
    {
        FileNames.Validate(name, "upload name");
        long expires = ExpiresAt(lifetime);
        string signature = Sign(UploadMessage(deviceKey, name, expires));
        return new Uri(BaseOf(baseUrl), string.Create(CultureInfo.InvariantCulture,
            $"uploads/{Uri.EscapeDataString(deviceKey)}/{Uri.EscapeDataString(name)}?expires={expires}&sig={signature}"));
    }

    public SignatureCheck CheckFile(string id, string? deviceKey, string? expires, string? signature) =>
        deviceKey is null ? SignatureCheck.Missing : Check(expires, signature, e => FileMessage(id, deviceKey, e));

    public SignatureCheck CheckUpload(string deviceKey, string name, string? expires, string? signature) =>
        Check(expires, signature, e => UploadMessage(deviceKey, name, e));

    internal static string FileMessage(string id, string deviceKey, long expires) =>
        string.Create(CultureInfo.InvariantCulture, $"{id}|{deviceKey}|{expires}");

    internal static string UploadMessage(string deviceKey, string name, long expires) =>
        string.Create(CultureInfo.InvariantCulture, $"upload|{deviceKey}|{name}|{expires}");

    internal string Sign(string message) => WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(message)));

    private SignatureCheck Check(string? expires, string? signature, Func<long, string> message)
    {
        if (string.IsNullOrEmpty(expires) || string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.Missing;
        }

        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out long expiresAt))
        {
            return SignatureCheck.Malformed;
        }

        byte[] expected = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(message(expiresAt)));
        byte[] presented;
        try
        {
            presented = WebEncoders.Base64UrlDecode(signature);
        }
        catch (FormatException)
        {
            return SignatureCheck.BadSignature;
        }

        // Constant time, and the signature before the time: an expired URL says "expired" only to whoever holds it.
        if (!CryptographicOperations.FixedTimeEquals(expected, presented))
        {
            return SignatureCheck.BadSignature;
        }

        return _time.GetUtcNow().ToUnixTimeSeconds() > expiresAt ? SignatureCheck.Expired : SignatureCheck.Valid;
    }

    private long ExpiresAt(TimeSpan? lifetime)
    {
        TimeSpan valid = lifetime ?? _options.UrlLifetime;
        if (valid <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), valid, "A URL lifetime must be positive.");
        }

        return (_time.GetUtcNow() + valid).ToUnixTimeSeconds();
    }

    private Uri BaseOf(Uri? baseUrl)
    {
        Uri root = baseUrl ?? _options.PublicBaseUrl
            ?? throw new InvalidOperationException($"{CwmpFilesOptions.SectionName}:PublicBaseUrl is not set: the ACS does not know the URL CPEs reach the file port at.");
        return root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
    }
}
