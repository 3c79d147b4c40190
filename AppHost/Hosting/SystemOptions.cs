namespace CdnPulse.Hosting;

/// <summary>What to start and how. Tests start only what they need; the AppHost starts everything.</summary>
public sealed class SystemOptions
{
    public IResourceLog Log { get; init; } = new ConsoleResourceLog();

    /// <summary>Folder for server state (PostgreSQL data, RabbitMQ node); a fresh one under .cdnpulse/state when null.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>Services to start, by resource name; all of them when null.</summary>
    public IReadOnlyCollection<string>? Services { get; init; }

    public bool SampleTraffic { get; init; } = true;

    public int KinesisShards { get; init; } = 2;

    /// <summary>Where every service sends traces, metrics and logs (OTEL_EXPORTER_OTLP_ENDPOINT); no export when null.</summary>
    public string? OtlpEndpoint { get; init; }

    /// <summary><c>grpc</c> (the exporters' default) or <c>http/protobuf</c> (OTEL_EXPORTER_OTLP_PROTOCOL).</summary>
    public string? OtlpProtocol { get; init; }

    /// <summary>Headers the exporters send, as <c>key=value,…</c> (OTEL_EXPORTER_OTLP_HEADERS), e.g. the dashboard's x-otlp-api-key.</summary>
    public string? OtlpHeaders { get; init; }

    /// <summary>The local API key the services accept (x-api-key); a new random one when null.</summary>
    public string? ApiKey { get; init; }

    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// The OTEL_* variables of every service. With an endpoint, batches leave every second and metrics every five, so
    /// a local dashboard is current (the SDK defaults are 5 s and 60 s); a value already set in the AppHost's own
    /// environment wins.
    /// </summary>
    public IReadOnlyDictionary<string, string?> TelemetryEnvironment()
    {
        var environment = new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = OtlpEndpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = OtlpEndpoint is null ? null : OtlpProtocol ?? Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_PROTOCOL"),
            ["OTEL_EXPORTER_OTLP_HEADERS"] = OtlpEndpoint is null ? null : OtlpHeaders ?? Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_HEADERS"),
        };
        foreach (var (name, value) in new[] { ("OTEL_BSP_SCHEDULE_DELAY", "1000"), ("OTEL_BLRP_SCHEDULE_DELAY", "1000"), ("OTEL_METRIC_EXPORT_INTERVAL", "5000") })
        {
            environment[name] = OtlpEndpoint is null ? null : Environment.GetEnvironmentVariable(name) ?? value;
        }
        return environment;
    }
}
