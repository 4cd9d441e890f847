namespace Cwmp.Gateway;

/// <summary>How CPEs authenticate to the gateway (configuration section "Cwmp:Auth").</summary>
public sealed class CwmpAuthOptions
{
    public const string SectionName = "Cwmp:Auth";

    /// <summary>False is lab mode: no challenge, every POST is served unauthenticated.</summary>
    public bool Required { get; set; } = true;

    /// <summary>The realm of the challenges; part of every Digest hash, so changing it invalidates stored HA1 values.</summary>
    public string Realm { get; set; } = "Cwmp.Orleans";

    /// <summary>The algorithm announced in Digest challenges: "MD5" or "MD5-sess". Responses in either are accepted.</summary>
    public string DigestAlgorithm { get; set; } = "MD5";

    /// <summary>How long a Digest nonce stays valid; an older one is answered with stale=true.</summary>
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The key that signs nonces. Every gateway of a deployment must share it, so that a nonce issued by one is
    /// accepted by the others; when empty, each process makes its own (fine for one gateway).
    /// </summary>
    public string? NonceSecret { get; set; }

    /// <summary>Accept HTTP Basic at all.</summary>
    public bool AllowBasic { get; set; } = true;

    /// <summary>Accept HTTP Basic over plain HTTP (TR-069 allows Basic only over TLS; some CPEs know nothing else).</summary>
    public bool AllowBasicWithoutTls { get; set; }

    /// <summary>The credentials of the built-in configuration store.</summary>
    public CpeCredentialOptions Credentials { get; set; } = new();
}
