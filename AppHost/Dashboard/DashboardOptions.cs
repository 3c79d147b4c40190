using CdnPulse.Dashboard.Store;

namespace CdnPulse.Dashboard;

/// <summary>How the dashboard runs: the key that opens it, its ports, what it keeps in memory.</summary>
public sealed class DashboardOptions
{
    /// <summary>The local API key (the one the services take as <c>x-api-key</c>); the dashboard's login form asks for it.</summary>
    public required string ApiKey { get; init; }

    /// <summary>The key OTLP exporters must send as <c>x-otlp-api-key</c>; null accepts every exporter on 127.0.0.1.</summary>
    public string? OtlpApiKey { get; init; }

    /// <summary>Listen on 4317 (gRPC), 4318 (HTTP) and 18888 (page) when those are free; tests turn this off and get free ports.</summary>
    public bool UseStandardPorts { get; init; } = true;

    public StoreLimits Limits { get; init; } = new();

    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromSeconds(5);
}
