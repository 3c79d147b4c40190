using System.Net;
using System.Text.Json.Serialization;
using CdnPulse.Dashboard.Apis;
using CdnPulse.Dashboard.Auth;
using CdnPulse.Dashboard.Otlp;
using CdnPulse.Dashboard.Resources;
using CdnPulse.Dashboard.Store;
using CdnPulse.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CdnPulse.Dashboard;

/// <summary>
/// CdnPulse's local dashboard, run inside the AppHost: an OTLP receiver (gRPC and HTTP/protobuf) feeding a bounded
/// in-memory store, and a page with resources, console and structured logs, traces and key metrics. Start it before
/// the system, so the services can be pointed at <see cref="OtlpGrpcEndpoint"/> and their output captured through
/// <see cref="ResourceLog"/>; then <see cref="Attach"/> the started system.
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SystemResources _resources;

    private DashboardHost(WebApplication app, DashboardPorts ports, string? otlpApiKey)
    {
        _app = app;
        Ports = ports;
        OtlpApiKey = otlpApiKey;
        Store = app.Services.GetRequiredService<TelemetryStore>();
        _resources = app.Services.GetRequiredService<SystemResources>();
    }

    public DashboardPorts Ports { get; }

    /// <summary>The page, e.g. http://127.0.0.1:18888.</summary>
    public string Url => $"http://127.0.0.1:{Ports.Page}";

    /// <summary>What <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is for <c>OTEL_EXPORTER_OTLP_PROTOCOL=grpc</c>.</summary>
    public string OtlpGrpcEndpoint => $"http://127.0.0.1:{Ports.OtlpGrpc}";

    /// <summary>What <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is for <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c> (the exporter appends /v1/…).</summary>
    public string OtlpHttpEndpoint => $"http://127.0.0.1:{Ports.OtlpHttp}";

    public string? OtlpApiKey { get; }

    /// <summary>The value for <c>OTEL_EXPORTER_OTLP_HEADERS</c>, or null when exporters need no key.</summary>
    public string? OtlpHeaders => OtlpApiKey is null ? null : $"{DashboardAuth.OtlpApiKeyHeader}={OtlpApiKey}";

    public TelemetryStore Store { get; }

    public static async Task<DashboardHost> StartAsync(DashboardOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await StartOnAsync(options, DashboardPorts.Choose(options.UseStandardPorts), cancellationToken);
        }
        catch (IOException) when (options.UseStandardPorts)
        {
            // A standard port was taken between the check and the bind: every listener moves to a free port.
            return await StartOnAsync(options, DashboardPorts.Choose(preferStandard: false), cancellationToken);
        }
    }

    private static async Task<DashboardHost> StartOnAsync(DashboardOptions options, DashboardPorts ports, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "CdnPulse.Dashboard", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // gRPC needs HTTP/2 without TLS, which Kestrel offers only on an HTTP/2-only listener (prior knowledge).
            kestrel.Listen(IPAddress.Loopback, ports.OtlpGrpc, o => o.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, ports.OtlpHttp, o => o.Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, ports.Page, o => o.Protocols = HttpProtocols.Http1);
            kestrel.Limits.MaxRequestBodySize = OtlpReceiver.MaxMessageBytes + GrpcFrame.HeaderLength;
        });
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new TelemetryStore(options.Limits));
        builder.Services.AddSingleton<OtlpReceiver>();
        builder.Services.AddSingleton<SystemResources>();
        builder.Services.AddSingleton<StaticAssets>();
        builder.Services.AddSingleton(new DashboardAuth(options.ApiKey, options.OtlpApiKey));
        builder.Services.AddHostedService<ResourceMonitor>();

        var app = builder.Build();
        app.MapOtlpGrpcApi(ports.OtlpGrpc);
        app.MapOtlpHttpApi(ports.OtlpHttp);
        app.MapPageApi(ports.Page);
        app.MapDashboardApi(ports.Page);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new DashboardHost(app, ports, options.OtlpApiKey);
    }

    /// <summary>An <see cref="IResourceLog"/> that keeps every output line for the dashboard and passes it on to <paramref name="next"/>.</summary>
    public IResourceLog ResourceLog(IResourceLog? next) => new DashboardResourceLog(Store, next);

    /// <summary>Shows the started system's resources (state, endpoints, PID, health) and starts probing them.</summary>
    public void Attach(CdnPulseSystem system) => _resources.Attach(system);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
