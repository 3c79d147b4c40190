namespace CdnPulse.MetricsQuery.Native;

/// <summary>The answer to a top-URL metric, for any range (not only whole days as in the reference).</summary>
public sealed record TopUrlsResponse(
    string Metric,
    string Unit,
    string Domain,
    DateTimeOffset From,
    DateTimeOffset To,
    string? Country,
    int Limit,
    IReadOnlyList<TopUrlItem> Items);
