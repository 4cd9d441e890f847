using System.Text.Json;
using Cwmp.Nbi.Problems;
using Cwmp.Protocol;
using Microsoft.AspNetCore.Http;

namespace Cwmp.Nbi.Hosting;

/// <summary>What every NBI handler checks first: the device key in the path, the JSON body, the query's names.</summary>
internal static class NbiRequests
{
    /// <summary>The largest body the NBI reads: a SetParameterValues of a thousand values fits easily.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Null when <paramref name="key"/> is a canonical device key (OUI-ProductClass-SerialNumber, percent-encoded).</summary>
    public static IResult? CheckDeviceKey(HttpContext context, string key)
    {
        if (DeviceKey.TryParse(key, out string oui, out string productClass, out string serial)
            && string.Equals(DeviceKey.Format(oui, productClass, serial), key, StringComparison.Ordinal))
        {
            return null;
        }

        var errors = new ValidationErrors();
        errors.Add("key", $"'{key}' is not a device key (OUI-ProductClass-SerialNumber or OUI-SerialNumber, each part percent-encoded outside [A-Za-z0-9_])");
        return NbiProblems.Invalid(context, errors);
    }

    /// <summary>The body as JSON, or the problem to answer (415 for another media type, 400 for JSON that does not parse).</summary>
    public static async Task<(JsonElement Body, IResult? Problem)> ReadJsonAsync(HttpContext context)
    {
        if (!context.Request.HasJsonContentType())
        {
            return (default, NbiProblems.Problem(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "the body must be application/json"));
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return (default, NbiProblems.Problem(context, StatusCodes.Status413PayloadTooLarge, "Payload too large", $"the body must be at most {MaxBodyBytes} bytes"));
        }

        try
        {
            using JsonDocument document = await JsonDocument.ParseAsync(
                new LimitedStream(context.Request.Body, MaxBodyBytes), new JsonDocumentOptions { MaxDepth = 16 }, context.RequestAborted).ConfigureAwait(false);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            var errors = new ValidationErrors();
            errors.Add(string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path, "is not valid JSON: " + e.Message);
            return (default, NbiProblems.Invalid(context, errors));
        }
        catch (LimitedStream.TooLongException)
        {
            return (default, NbiProblems.Problem(context, StatusCodes.Status413PayloadTooLarge, "Payload too large", $"the body must be at most {MaxBodyBytes} bytes"));
        }
    }

    /// <summary>Query parameters other than <paramref name="allowed"/> are errors: a misspelt filter must not silently match everything.</summary>
    public static void RejectUnknownQuery(HttpContext context, ValidationErrors errors, params string[] allowed)
    {
        foreach (string name in context.Request.Query.Keys)
        {
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(name, $"is not a known query parameter; known: {string.Join(", ", allowed)}");
            }
        }
    }

    /// <summary>A query parameter given at most once.</summary>
    public static string? Single(HttpContext context, ValidationErrors errors, string name)
    {
        var values = context.Request.Query[name];
        if (values.Count > 1)
        {
            errors.Add(name, "must be given at most once");
            return null;
        }

        return values.Count == 0 ? null : values[0];
    }
}
