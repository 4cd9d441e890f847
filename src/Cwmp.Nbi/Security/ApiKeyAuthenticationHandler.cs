using System.Security.Claims;
using System.Text.Encodings.Web;
using Cwmp.Nbi.Diagnostics;
using Cwmp.Nbi.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cwmp.Nbi.Security;

/// <summary>
/// API keys from <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-API-Key: &lt;key&gt;</c>. Challenges and refusals are
/// problem+json (401 with WWW-Authenticate, 403), like every other NBI error.
/// </summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyStore keys,
    IOptions<NbiOptions> nbiOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    private const string MissingKey = "no API key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'";
    private const string UnknownKey = "the API key is not valid";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? presented = PresentedKey(Request);
        NbiApiKey? key = presented is null ? null : keys.Find(presented);
        if (!nbiOptions.Value.RequireAuthentication)
        {
            // Lab mode: everyone is an admin; a valid key still names the caller in the audit log.
            return Task.FromResult(Success(key?.Name ?? NbiAuthentication.LabCaller, NbiRole.Admin));
        }

        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (key is null)
        {
            NbiLog.InvalidApiKey(Logger, Request.Method, Request.Path, Context.Connection.RemoteIpAddress?.ToString() ?? "?");
            return Task.FromResult(AuthenticateResult.Fail(UnknownKey));
        }

        return Task.FromResult(Success(key.Name, key.Role));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        AuthenticateResult result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        bool invalid = result.Failure is not null;
        Response.Headers[HeaderNames.WWWAuthenticate] = invalid
            ? $"Bearer realm=\"{NbiAuthentication.Realm}\", error=\"invalid_token\""
            : $"Bearer realm=\"{NbiAuthentication.Realm}\"";
        await NbiProblems.Write(Context, StatusCodes.Status401Unauthorized, "Unauthorized", invalid ? UnknownKey : MissingKey).ConfigureAwait(false);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        string role = Context.User.FindFirst(NbiAuthentication.RoleClaim)?.Value ?? "none";
        string needed = Context.GetEndpoint()?.Metadata.GetMetadata<NbiRoleRequirement>()?.Role.ToString() ?? "a higher role";
        NbiLog.Forbidden(Logger, Context.User.Identity?.Name ?? "?", role, Request.Method, Request.Path);
        await NbiProblems.Write(Context, StatusCodes.Status403Forbidden, "Forbidden", $"the API key's role {role} may not do this; it needs {needed}").ConfigureAwait(false);
    }

    private static AuthenticateResult Success(string name, NbiRole role)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(NbiAuthentication.RoleClaim, role.ToString())],
            NbiAuthentication.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), NbiAuthentication.Scheme));
    }

    private static string? PresentedKey(HttpRequest request)
    {
        string? authorization = request.Headers.Authorization;
        if (!string.IsNullOrEmpty(authorization) && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            string token = authorization["Bearer ".Length..].Trim();
            return token.Length == 0 ? null : token;
        }

        string? header = request.Headers[NbiAuthentication.ApiKeyHeader];
        return string.IsNullOrWhiteSpace(header) ? null : header.Trim();
    }
}
