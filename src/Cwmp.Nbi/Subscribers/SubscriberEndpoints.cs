using System.Text.Json;
using System.Text.Json.Nodes;
using Cwmp.Grains;
using Cwmp.Grains.Subscribers;
using Cwmp.Nbi.Audit;
using Cwmp.Nbi.Hosting;
using Cwmp.Nbi.Presets;
using Cwmp.Nbi.Problems;
using Cwmp.Nbi.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cwmp.Nbi.Subscribers;

/// <summary>
/// /subscribers/registrations/{kind}/{value}: the OSS pre-registers a device (by device key, serial number or
/// ProvisioningCode) with its subscriber id and tags; the device claims it at first contact (docs/provisioning.md).
/// </summary>
internal static class SubscriberEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        RouteGroupBuilder registrations = api.MapGroup("/subscribers/registrations").WithTags("Subscribers");
        registrations.MapGet("/{kind}/{value}", GetAsync).RequireNbiRole(NbiRole.Viewer)
            .WithSummary("One pre-registration, with the device that claimed it").Produces<JsonObject>().ProducesProblem(StatusCodes.Status404NotFound);
        registrations.MapPut("/{kind}/{value}", PutAsync).RequireNbiRole(NbiRole.Operator)
            .WithSummary("Pre-register: {\"subscriberId\":\"…\",\"tags\":[…]}; kind is device, serial or provisioningCode")
            .Produces<JsonObject>().Produces<JsonObject>(StatusCodes.Status201Created).ProducesValidationProblem();
        registrations.MapDelete("/{kind}/{value}", DeleteAsync).RequireNbiRole(NbiRole.Operator)
            .WithSummary("Delete a pre-registration (an associated device keeps its subscriber)").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> GetAsync(HttpContext context, string kind, string value, IGrainFactory grains)
    {
        if (Key(context, kind, value, out string? key) is { } invalid)
        {
            return invalid;
        }

        SubscriberRegistration? registration = await grains.GetGrain<ISubscriberRegistrationGrain>(key).GetAsync().ConfigureAwait(false);
        return registration is null ? NotFound(context, kind, value) : TypedResults.Ok(Write(kind, value, registration));
    }

    private static async Task<IResult> PutAsync(HttpContext context, string kind, string value, IGrainFactory grains, TimeProvider time)
    {
        AuditNote.Set(context, $"subscriber registration {kind} {value}");
        if (Key(context, kind, value, out string? key) is { } invalid)
        {
            return invalid;
        }

        (JsonElement body, IResult? problem) = await NbiRequests.ReadJsonAsync(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        JsonObjectReader? reader = JsonObjectReader.Open(body, string.Empty, errors);
        string? subscriberId = reader?.String("subscriberId", true, 256);
        List<string>? tags = reader?.Strings("tags", false, 0, 100, DeviceTags.MaxLength, t => DeviceTags.IsValid(t) ? null : $"'{t}' is not 1–{DeviceTags.MaxLength} characters of A-Z, a-z, 0-9, '_', '.', ':' or '-'");
        reader?.RejectUnknown();
        if (subscriberId is { Length: 0 })
        {
            errors.Add("subscriberId", "must not be empty");
        }

        if (errors.Any || subscriberId is null)
        {
            context.RequestServices.GetRequiredService<PresetDiagnostics>().RegistrationRejected(key, errors.Summary());
            return NbiProblems.Invalid(context, errors);
        }

        var registration = new SubscriberRegistration { SubscriberId = subscriberId, Tags = tags ?? [], RegisteredAt = time.GetUtcNow() };
        bool created = await grains.GetGrain<ISubscriberRegistrationGrain>(key).PutAsync(registration).ConfigureAwait(false);
        JsonObject json = Write(kind, value, registration);
        return created
            ? TypedResults.Created($"/api/v1/subscribers/registrations/{kind}/{Uri.EscapeDataString(value)}", json)
            : TypedResults.Ok(json);
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, string kind, string value, IGrainFactory grains)
    {
        AuditNote.Set(context, $"delete subscriber registration {kind} {value}");
        if (Key(context, kind, value, out string? key) is { } invalid)
        {
            return invalid;
        }

        return await grains.GetGrain<ISubscriberRegistrationGrain>(key).DeleteAsync().ConfigureAwait(false) ? TypedResults.NoContent() : NotFound(context, kind, value);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem? Key(HttpContext context, string kind, string value, out string key)
    {
        key = string.Empty;
        var errors = new ValidationErrors();
        SubscriberKeyKind? parsed = kind switch
        {
            "device" => SubscriberKeyKind.Device,
            "serial" => SubscriberKeyKind.Serial,
            "provisioningCode" => SubscriberKeyKind.ProvisioningCode,
            _ => null,
        };
        if (parsed is null)
        {
            errors.Add("kind", $"'{kind}' is not device, serial or provisioningCode");
        }

        if (value.Length is 0 or > SubscriberRegistrationKey.MaxValueLength)
        {
            errors.Add("value", $"must be 1–{SubscriberRegistrationKey.MaxValueLength} characters");
        }
        else if (parsed == SubscriberKeyKind.Device && NbiRequests.CheckDeviceKey(context, value) is not null)
        {
            errors.Add("value", $"'{value}' is not a device key (OUI-ProductClass-SerialNumber, percent-encoded)");
        }

        if (errors.Any)
        {
            return NbiProblems.Invalid(context, errors);
        }

        key = SubscriberRegistrationKey.For(parsed!.Value, value);
        return null;
    }

    private static JsonObject Write(string kind, string value, SubscriberRegistration registration) => new()
    {
        ["kind"] = kind,
        ["value"] = value,
        ["subscriberId"] = registration.SubscriberId,
        ["tags"] = new JsonArray([.. registration.Tags.Select(t => (JsonNode)JsonValue.Create(t))]),
        ["registeredAt"] = registration.RegisteredAt,
        ["claimedBy"] = registration.ClaimedBy,
        ["claimedAt"] = registration.ClaimedAt,
    };

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(HttpContext context, string kind, string value) =>
        NbiProblems.Problem(context, StatusCodes.Status404NotFound, "Registration not found", $"no subscriber registration for {kind} '{value}'");
}
