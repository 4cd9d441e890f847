using Cwmp.ConnectionRequests;
using Cwmp.Gateway;
using Cwmp.Grains;
using Cwmp.Server.Configuration;
using Cwmp.Server.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Cwmp.Server.Extensions;

/// <summary>Observability and health endpoints, kept in one place as every service of the product shares them.</summary>
internal static class ServiceDefaultsExtensions
{
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";
    public const string MetricsPath = "/metrics";
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Microsoft.Orleans")
                .AddMeter(CwmpGatewayDiagnostics.MeterName, CwmpGrainsTelemetry.MeterName, ConnectionRequestDiagnostics.MeterName)
                .AddMeter(Cwmp.Nbi.NbiDiagnostics.MeterName)
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(CwmpGatewayDiagnostics.ActivitySourceName)
                .AddSource("Microsoft.Orleans.Runtime")
                .AddSource("Microsoft.Orleans.Application")
                // Probes arrive every few seconds from every kubelet; tracing them would drown the real traffic.
                .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = context =>
                    !context.Request.Path.StartsWithSegments(LivenessPath, StringComparison.Ordinal)
                    && !context.Request.Path.StartsWithSegments(ReadinessPath, StringComparison.Ordinal)
                    && !context.Request.Path.StartsWithSegments(MetricsPath, StringComparison.Ordinal)));

        // The exporter would otherwise retry a collector that does not exist and log each failure.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        builder.Services.AddHealthChecks();
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Liveness runs no check: a process that answers HTTP is alive, and restarting it because storage is
        // slow would only add a cold start to the outage.
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        app.MapHealthChecks(ReadinessPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });

        // Metrics are for operators: only the northbound port serves them, never the port that CPEs reach. The
        // connection's local port decides, not the Host header, which a Service in front may rewrite.
        var nbiPort = app.Services.GetRequiredService<IOptions<PortOptions>>().Value.Nbi;
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Connection.LocalPort == nbiPort
            && context.Request.Path.Equals(MetricsPath, StringComparison.Ordinal));
        return app;
    }
}
