using CdnPulse.MetricsQuery.Native;

namespace CdnPulse.MetricsQuery.Tests.Unit;

public sealed class MetricQueryParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 30, TimeSpan.Zero);
    private static readonly MetricDefinition Requests = MetricCatalog.Find("requests")!;

    [Theory]
    [InlineData(null, null, null, null, null, null, null, "domain")]
    [InlineData("d", "yesterday", null, null, null, null, null, "from")]
    [InlineData("d", null, "2026-13-01T00:00:00Z", null, null, null, null, "to")]
    [InlineData("d", "2026-01-15T11:00:00Z", "2026-01-15T10:00:00Z", null, null, null, null, "to")]
    [InlineData("d", "2024-01-01T00:00:00Z", "2026-01-15T10:00:00Z", null, null, null, null, "from")]
    [InlineData("d", null, null, "2m", null, null, null, "interval")]
    [InlineData("d", "now-30d", null, "1m", null, null, null, "interval")]
    [InlineData("d", null, null, null, "Google LLC", null, null, "isp")]
    [InlineData("d", null, null, null, null, "isp", null, "groupBy")]
    [InlineData("d", null, null, null, null, "planet", null, "groupBy")]
    [InlineData("d", null, null, null, null, null, "0", "limit")]
    [InlineData("d", null, null, null, null, null, "ten", "limit")]
    public void Names_the_parameter_at_fault(string? domain, string? from, string? to, string? interval, string? isp, string? groupBy, string? limit, string parameter)
    {
        var parameters = new MetricQueryParameters { Domain = domain, From = from, To = to, Interval = interval, Isp = isp, GroupBy = groupBy, Limit = limit };

        Assert.False(MetricQueryParser.TryParse(Requests, parameters, Now, out _, out var error));
        Assert.Equal(parameter, error!.Parameter);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Defaults_to_the_last_hour_in_whole_minutes_with_an_automatic_interval()
    {
        Assert.True(MetricQueryParser.TryParse(Requests, new MetricQueryParameters { Domain = " d " }, Now, out var query, out _));

        Assert.Equal("d", query!.Domain);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 12, 1, 0, TimeSpan.Zero), query.To);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 11, 0, 0, TimeSpan.Zero), query.From);
        Assert.Equal("1m", query.Interval.Label);
        Assert.Null(query.Country);
        Assert.Equal(MetricQueryParser.DefaultLimit, query.Limit);
    }

    [Theory]
    [InlineData("now-3h", "1m")]
    [InlineData("now-12h", "5m")]
    [InlineData("now-1d", "5m")]
    [InlineData("now-3d", "15m")]
    [InlineData("now-7d", "1h")]
    [InlineData("now-90d", "6h")]
    public void Picks_the_smallest_interval_with_at_most_600_points(string from, string interval)
    {
        Assert.True(MetricQueryParser.TryParse(Requests, new MetricQueryParameters { Domain = "d", From = from, To = "now" }, Now, out var query, out _));
        Assert.Equal(interval, query!.Interval.Label);
    }

    [Fact]
    public void Accepts_offsets_the_compatible_spelling_of_intervals_and_download_speed_isp()
    {
        var speed = MetricCatalog.Find("downloadSpeed")!;
        var parameters = new MetricQueryParameters
        {
            Domain = "d",
            From = "2026-01-15T12:00:00+02:00",
            To = "2026-01-15T10:30",
            Interval = "5min",
            Country = "all",
            Isp = "Google LLC",
            GroupBy = "ISP",
        };

        Assert.True(MetricQueryParser.TryParse(speed, parameters, Now, out var query, out _));
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero), query!.From);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 10, 30, 0, TimeSpan.Zero), query.To);
        Assert.Equal("5m", query.Interval.Label);
        Assert.Null(query.Country);
        Assert.Equal("Google LLC", query.Isp);
        Assert.Equal(MetricGroupBy.Isp, query.GroupBy);
    }
}
