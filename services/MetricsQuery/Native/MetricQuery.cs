namespace CdnPulse.MetricsQuery.Native;

/// <summary>A validated native query: minutes in [From, To) of one domain, optionally one country or ISP.</summary>
internal sealed record MetricQuery(
    MetricDefinition Metric,
    string Domain,
    DateTimeOffset From,
    DateTimeOffset To,
    NativeInterval Interval,
    string? Country,
    string? Isp,
    MetricGroupBy GroupBy,
    int Limit)
{
    public TimeGrid Grid() => new(From, To, Interval);
}
