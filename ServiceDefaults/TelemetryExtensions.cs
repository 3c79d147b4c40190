using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CdnPulse.ServiceDefaults;

/// <summary>
/// OpenTelemetry through the base SDK. The hosting package is not available here, so the providers are
/// built directly, registered as singletons (disposed, and so flushed, with the container) and created at
/// start by <see cref="TelemetryStarter"/>.
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>Activity sources every service listens to; a service's own source is named CdnPulse.&lt;Service&gt;.</summary>
    public static readonly string[] ActivitySources =
        ["CdnPulse.*", "MassTransit", "Npgsql", "Microsoft.AspNetCore", "System.Net.Http"];

    public static readonly string[] Meters =
        ["CdnPulse.*", "MassTransit", "Npgsql", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel",
         "System.Net.Http", "System.Runtime"];

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;
        var useOtlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var resource = ResourceBuilder.CreateDefault().AddService(serviceName);
        var keepBackgroundSpans = builder.Configuration.GetValue("Telemetry:KeepBackgroundSpans", false);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.SetResourceBuilder(resource);
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            if (useOtlp)
            {
                logging.AddOtlpExporter();
            }
        });

        builder.Services.AddSingleton(_ =>
        {
            var tracing = Sdk.CreateTracerProviderBuilder()
                .SetResourceBuilder(resource)
                .AddSource(ActivitySources);
            if (!keepBackgroundSpans)
            {
                // Before the exporter: processors see a span in the order they were added.
                tracing.AddProcessor(new BackgroundSpanFilter());
            }
            if (useOtlp)
            {
                tracing.AddOtlpExporter();
            }
            return tracing.Build();
        });
        builder.Services.AddSingleton(_ =>
        {
            var metrics = Sdk.CreateMeterProviderBuilder()
                .SetResourceBuilder(resource)
                .AddMeter(Meters);
            if (useOtlp)
            {
                metrics.AddOtlpExporter();
            }
            return metrics.Build();
        });
        builder.Services.AddHostedService<TelemetryStarter>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, HttpServerSpanTags>();
        return builder;
    }
}
