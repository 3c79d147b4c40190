namespace CdnPulse.Metrics;

/// <summary>What a URL summary holds for one path: its requests and its bytes (each a lower bound, see <see cref="UrlSummary"/>).</summary>
public readonly record struct UrlTally(long Requests, long Bytes);
