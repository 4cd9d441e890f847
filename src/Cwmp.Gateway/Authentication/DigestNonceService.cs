using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Cwmp.Gateway.Authentication;

/// <summary>
/// Stateless Digest nonces: issue time, 8 random bytes and a truncated HMAC-SHA256 over both, as hex. Any gateway that
/// shares <see cref="CwmpAuthOptions.NonceSecret"/> verifies any other's nonce without a shared store. The price of
/// statelessness is that nonce counts are not tracked, which is also what CPEs that repeat nc=00000001 need; replay is
/// bounded by <see cref="CwmpAuthOptions.NonceLifetime"/> (and removed entirely by TLS).
/// </summary>
internal sealed class DigestNonceService
{
    private const int TimestampLength = 8;
    private const int RandomLength = 8;
    private const int MacLength = 16;
    private const int NonceLength = TimestampLength + RandomLength + MacLength;

    // Nonces issued by a gateway whose clock runs slightly ahead are still accepted by the others.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    private readonly byte[] _key;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public DigestNonceService(IOptions<CwmpAuthOptions> options, TimeProvider time)
    {
        CwmpAuthOptions auth = options.Value;
        IsEphemeral = string.IsNullOrEmpty(auth.NonceSecret);
        _key = IsEphemeral
            ? RandomNumberGenerator.GetBytes(32)
            : SHA256.HashData(Encoding.UTF8.GetBytes("cwmp-digest-nonce:" + auth.NonceSecret));
        _lifetime = auth.NonceLifetime;
        _time = time;
        Opaque = Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("opaque:" + auth.Realm))[..MacLength]);
    }

    /// <summary>True when no secret was configured: nonces are valid on this process only.</summary>
    public bool IsEphemeral { get; }

    /// <summary>The opaque value of the challenges; constant for a secret and realm, and never checked.</summary>
    public string Opaque { get; }

    public string Create()
    {
        Span<byte> nonce = stackalloc byte[NonceLength];
        BinaryPrimitives.WriteInt64BigEndian(nonce, _time.GetUtcNow().ToUnixTimeMilliseconds());
        RandomNumberGenerator.Fill(nonce.Slice(TimestampLength, RandomLength));
        Sign(nonce[..(TimestampLength + RandomLength)], nonce[(TimestampLength + RandomLength)..]);
        return Convert.ToHexStringLower(nonce);
    }

    public NonceValidity Validate(string nonce)
    {
        Span<byte> bytes = stackalloc byte[NonceLength];
        if (nonce.Length != NonceLength * 2 || Convert.FromHexString(nonce, bytes, out _, out int written) != System.Buffers.OperationStatus.Done || written != NonceLength)
        {
            return NonceValidity.Invalid;
        }

        Span<byte> expected = stackalloc byte[MacLength];
        Sign(bytes[..(TimestampLength + RandomLength)], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[(TimestampLength + RandomLength)..]))
        {
            return NonceValidity.Invalid;
        }

        DateTimeOffset issued = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(bytes));
        TimeSpan age = _time.GetUtcNow() - issued;
        return age < -ClockSkew ? NonceValidity.Invalid
            : age > _lifetime ? NonceValidity.Stale
            : NonceValidity.Valid;
    }

    private void Sign(ReadOnlySpan<byte> data, Span<byte> mac)
    {
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, data, full);
        full[..MacLength].CopyTo(mac);
    }
}

/// <summary>What a nonce presented by a client is worth.</summary>
internal enum NonceValidity
{
    /// <summary>Not one of ours (or tampered with).</summary>
    Invalid,

    /// <summary>Ours and recent enough.</summary>
    Valid,

    /// <summary>Ours but expired: the client should retry with a fresh one (stale=true), without asking for a password again.</summary>
    Stale,
}
