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

    public string? OtlpEndpoint { get; init; }

    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(90);
}
