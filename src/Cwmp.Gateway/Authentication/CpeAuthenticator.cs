using System.Security.Cryptography;
using System.Text;
using Cwmp.Gateway.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cwmp.Gateway.Authentication;

/// <summary>
/// HTTP Digest (MD5, MD5-sess; SHA-256 accepted) and Basic authentication of CPEs against an
/// <see cref="ICpeCredentialStore"/>. Only headers are used, so a POST is refused before its body is read.
/// </summary>
internal sealed class CpeAuthenticator(IOptionsMonitor<CwmpAuthOptions> options, ICpeCredentialStore store, DigestNonceService nonces)
{
    public bool IsRequired => options.CurrentValue.Required;

    public async ValueTask<AuthenticationResult> AuthenticateAsync(HttpContext context, ConnectionSessionState? connection, CancellationToken cancellationToken)
    {
        CwmpAuthOptions auth = options.CurrentValue;
        if (!auth.Required)
        {
            return AuthenticationResult.Anonymous;
        }

        string? header = context.Request.Headers.Authorization.FirstOrDefault(static h => !string.IsNullOrWhiteSpace(h));
        if (header is null)
        {
            // CPEs that authenticate once per connection: the connection keeps the identity it proved.
            return connection?.AuthenticatedAs is string known
                ? AuthenticationResult.Authenticated(known)
                : AuthenticationResult.Challenge("no credentials");
        }

        string value = header.Trim();
        AuthenticationResult result;
        if (value.StartsWith("Digest ", StringComparison.OrdinalIgnoreCase))
        {
            result = await DigestAsync(auth, value[7..], context.Request.Method, cancellationToken).ConfigureAwait(false);
        }
        else if (value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            result = await BasicAsync(auth, value[6..].Trim(), context.Request.IsHttps, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            result = AuthenticationResult.Challenge("unsupported authentication scheme");
        }

        if (connection is not null)
        {
            connection.AuthenticatedAs = result.DeviceKey;
        }

        return result;
    }

    /// <summary>Adds the WWW-Authenticate challenges of a 401: Digest always, Basic where it would be accepted.</summary>
    public void WriteChallenge(HttpResponse response, bool isHttps, bool stale)
    {
        CwmpAuthOptions auth = options.CurrentValue;
        string digest = $"Digest realm=\"{auth.Realm}\", qop=\"auth\", nonce=\"{nonces.Create()}\", opaque=\"{nonces.Opaque}\", algorithm={auth.DigestAlgorithm}";
        if (stale)
        {
            digest += ", stale=true";
        }

        response.Headers.Append(HeaderNames.WWWAuthenticate, digest);
        if (auth.AllowBasic && (isHttps || auth.AllowBasicWithoutTls))
        {
            response.Headers.Append(HeaderNames.WWWAuthenticate, $"Basic realm=\"{auth.Realm}\"");
        }
    }

    private async ValueTask<AuthenticationResult> DigestAsync(CwmpAuthOptions auth, string parameters, string method, CancellationToken cancellationToken)
    {
        DigestCredentials? credentials = DigestCredentials.TryParse(parameters);
        if (credentials is null)
        {
            return AuthenticationResult.Challenge("malformed Digest credentials");
        }

        if (!DigestHash.IsSupported(credentials.Algorithm) || (credentials.Qop is not null && !credentials.Qop.Equals("auth", StringComparison.OrdinalIgnoreCase)))
        {
            return AuthenticationResult.Challenge($"unsupported Digest algorithm '{credentials.Algorithm}' or qop '{credentials.Qop}'", credentials.Username);
        }

        NonceValidity nonce = nonces.Validate(credentials.Nonce);
        if (nonce == NonceValidity.Invalid)
        {
            return AuthenticationResult.Challenge("a nonce this deployment did not issue", credentials.Username);
        }

        CpeCredential? credential = await store.FindAsync(credentials.Username, cancellationToken).ConfigureAwait(false);
        if (credential is null)
        {
            return AuthenticationResult.Challenge("unknown username", credentials.Username);
        }

        // The hash is taken over the uri the client sent: CPEs write the path, the absolute URL or the URL they were
        // redirected from, and binding it to our path would add nothing that nonce reuse does not already give away.
        string expected = DigestHash.ComputeResponse(credentials, auth.Realm, credential.Password, method)!;
        if (!FixedTimeEquals(expected, credentials.Response.ToLowerInvariant()))
        {
            return AuthenticationResult.Challenge("wrong Digest response (password, realm or uri)", credentials.Username);
        }

        // stale=true only for a client that knew the password: it may retry at once with the fresh nonce.
        return nonce == NonceValidity.Stale
            ? AuthenticationResult.Challenge("expired nonce", credentials.Username, stale: true)
            : AuthenticationResult.Authenticated(credential.DeviceKey);
    }

    private async ValueTask<AuthenticationResult> BasicAsync(CwmpAuthOptions auth, string token, bool isHttps, CancellationToken cancellationToken)
    {
        if (!auth.AllowBasic)
        {
            return AuthenticationResult.Challenge("Basic is disabled");
        }

        if (!isHttps && !auth.AllowBasicWithoutTls)
        {
            return AuthenticationResult.Challenge("Basic refused over plain HTTP");
        }

        string? decoded = DecodeBasic(token);
        if (decoded is null)
        {
            return AuthenticationResult.Challenge("malformed Basic credentials");
        }

        // "user:" and a bare "user" are both an empty password (CPEs that send preemptive Basic before they know one).
        int colon = decoded.IndexOf(':', StringComparison.Ordinal);
        string username = colon < 0 ? decoded : decoded[..colon];
        string password = colon < 0 ? string.Empty : decoded[(colon + 1)..];
        CpeCredential? credential = await store.FindAsync(username, cancellationToken).ConfigureAwait(false);
        if (credential is null)
        {
            return AuthenticationResult.Challenge("unknown username", username);
        }

        return FixedTimeEquals(credential.Password, password)
            ? AuthenticationResult.Authenticated(credential.DeviceKey)
            : AuthenticationResult.Challenge(password.Length == 0 ? "empty Basic password" : "wrong Basic password", username);
    }

    private static string? DecodeBasic(ReadOnlySpan<char> token)
    {
        byte[] bytes = new byte[(token.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64Chars(token, bytes, out int length))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            // Older CPEs send ISO-8859-1 credentials.
            return Encoding.Latin1.GetString(bytes, 0, length);
        }
    }

    private static bool FixedTimeEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
