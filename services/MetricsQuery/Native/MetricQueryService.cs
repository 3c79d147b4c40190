using CdnPulse.Metrics;
using CdnPulse.MetricsQuery.Caching;

namespace CdnPulse.MetricsQuery.Native;

/// <summary>
/// Answers validated native queries from the per-minute projection: series and top URLs through the
/// <see cref="MinuteCache"/>, download speed straight from <see cref="MinuteStatsReader"/>.
/// </summary>
internal sealed class MetricQueryService(MinuteCache cache, MinuteStatsReader reader, ReadModelQueries queries)
{
    public async Task<SeriesResponse> SeriesAsync(MetricQuery q, CancellationToken cancellationToken)
    {
        var grid = q.Grid();
        IReadOnlyList<MetricSeries> series;
        int groups;
        if (q.GroupBy == MetricGroupBy.Country)
        {
            var countries = (await queries.CountriesAsync(q.Domain, q.From, q.To, cancellationToken))
                .Where(c => q.Country is null || c.Country == q.Country).ToList();
            groups = countries.Count;
            // One read per country shown (at most limit), in parallel on pooled connections.
            var reads = countries.Take(q.Limit).Select(async c =>
                SeriesBuilder.Build(q.Metric, grid, c.Country, await cache.ReadAsync(q.Domain, q.From, q.To, c.Country, q.Metric.NeedsHistograms, cancellationToken)));
            series = await Task.WhenAll(reads);
        }
        else
        {
            var minutes = await cache.ReadAsync(q.Domain, q.From, q.To, q.Country, q.Metric.NeedsHistograms, cancellationToken);
            if (q.GroupBy is MetricGroupBy.Status or MetricGroupBy.EdgeType)
            {
                series = SeriesBuilder.BuildBreakdown(q.Metric, grid, q.GroupBy, minutes, q.Limit, out groups);
            }
            else
            {
                series = [SeriesBuilder.Build(q.Metric, grid, null, minutes)];
                groups = 1;
            }
        }
        return new SeriesResponse(q.Metric.Name, q.Metric.Unit, q.Domain, q.From, q.To, q.Interval.Label, Seconds(grid), q.Country,
            GroupByName(q.GroupBy), groups, series);
    }

    public async Task<TopUrlsResponse> TopUrlsAsync(MetricQuery q, CancellationToken cancellationToken)
    {
        var top = await cache.TopUrlsAsync(q.Domain, q.From, q.To, q.Country, q.Metric.Ranking, q.Limit, cancellationToken);
        return new TopUrlsResponse(q.Metric.Name, q.Metric.Unit, q.Domain, q.From, q.To, q.Country, q.Limit,
            top.Select((u, i) => new TopUrlItem(i + 1, u.Path, u.Value)).ToList());
    }

    public async Task<DistributionResponse> DistributionAsync(MetricQuery q, CancellationToken cancellationToken)
    {
        var grid = q.Grid();
        var minutes = await reader.ReadDownloadSpeedAsync(q.Domain, q.From, q.To, q.Country, cancellationToken);
        var series = DistributionBuilder.Build(q, grid, minutes, out var groups);
        return new DistributionResponse(q.Metric.Name, q.Metric.Unit, q.Domain, q.From, q.To, q.Interval.Label, Seconds(grid), q.Country, q.Isp,
            GroupByName(q.GroupBy), groups, DistributionBuilder.Buckets, series);
    }

    private static long Seconds(TimeGrid grid) => (long)(grid.Interval.Length ?? grid.Range).TotalSeconds;

    private static string? GroupByName(MetricGroupBy groupBy) => groupBy == MetricGroupBy.None ? null : MetricGroupByNames.Of(groupBy);
}
