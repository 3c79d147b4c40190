using CdnPulse.CdnLogs;

namespace CdnPulse.LoadGen.Traffic;

/// <summary>Everything that decides the generated lines; the same settings and client pool give the same bytes.</summary>
public sealed record TrafficSettings
{
    public const int DefaultUrlsPerDomain = 10_000;

    public ulong Seed { get; init; } = 1;

    /// <summary>Timestamp of the first line, Unix epoch milliseconds.</summary>
    public required long StartMs { get; init; }

    /// <summary>Lines per second of log time: line i is stamped StartMs + (i + jitter) / rate.</summary>
    public double LinesPerSecond { get; init; } = 1000;

    public IReadOnlyList<DomainSettings> Domains { get; init; } = DomainSettings.Defaults;

    public int UrlsPerDomain { get; init; } = DefaultUrlsPerDomain;

    /// <summary>Exponent s of the URL popularity, P(rank k) ∝ 1/k^s.</summary>
    public double ZipfExponent { get; init; } = 1.0;

    /// <summary>Share of viewers on IPv6 (countries without IPv6 ranges use IPv4).</summary>
    public double IPv6Share { get; init; } = 0.1;

    /// <summary>The columns written; the request values do not depend on it.</summary>
    public RealtimeLogFormat Format { get; init; } = RealtimeLogFormat.Default;
}
