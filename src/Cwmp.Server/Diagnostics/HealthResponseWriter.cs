using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cwmp.Server.Diagnostics;

/// <summary>A small JSON body, so that an operator sees which check failed and why.</summary>
internal static class HealthResponseWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status"u8, report.Status.ToString());
        json.WriteStartObject("checks"u8);
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status"u8, entry.Status.ToString());
            if (entry.Description is { } description)
            {
                json.WriteString("description"u8, description);
            }

            foreach (var (key, value) in entry.Data)
            {
                if (value is long number)
                {
                    json.WriteNumber(key, number);
                }
                else
                {
                    json.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
