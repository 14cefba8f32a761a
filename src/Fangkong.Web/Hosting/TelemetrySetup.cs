using Fangkong.Core.Common;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Fangkong.Web.Hosting;

/// <summary>
/// OpenTelemetry for operators (ADR 0048): the platform's own meters and spans (<see cref="Telemetry"/>), ASP.NET Core's
/// requests and Npgsql's commands, and the logs with their structured fields, exported by OTLP to the collector the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (and <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>, …)
/// names. Without an endpoint nothing is set up: the meters cost nothing with no listener.
/// </summary>
public static class TelemetrySetup
{
    public static WebApplicationBuilder AddFangkongTelemetry(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        if (!Configured(config)) return builder;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(config["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "fangkong"))
            .WithMetrics(m => m.AddMeter(Telemetry.Name, "Npgsql").AddAspNetCoreInstrumentation().AddOtlpExporter())
            .WithTracing(t => t.AddSource(Telemetry.Name, "Npgsql").AddAspNetCoreInstrumentation().AddOtlpExporter());
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeFormattedMessage = true;
            o.IncludeScopes = true;
            o.AddOtlpExporter();
        });
        return builder;
    }

    /// <summary>An OTLP endpoint is named, for everything or for one signal.</summary>
    public static bool Configured(IConfiguration config) =>
        new[] { "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT" }
            .Any(k => !string.IsNullOrWhiteSpace(config[k]));
}
