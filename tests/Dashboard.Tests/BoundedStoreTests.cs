using CdnPulse.Dashboard.Charts;
using CdnPulse.Dashboard.Store;

namespace CdnPulse.Dashboard.Tests;

public sealed class BoundedStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    private static StoredSpan Span(string traceId, string spanId, string? parent = null, string service = "ingest", double durationMs = 10,
        double startMs = 0, SpanStatus status = SpanStatus.Unset, string name = "work") =>
        new(traceId, spanId, parent, service, "scope", name, "internal", T0.AddMilliseconds(startMs), durationMs, status, null,
            [new TelemetryAttribute("eventstore.stream_id", $"window-{traceId}")], [], []);

    [Fact]
    public void Span_store_evicts_the_oldest_spans_beyond_its_capacity_and_forgets_emptied_traces()
    {
        var store = new SpanStore(capacity: 3);

        store.Add([Span("t1", "a"), Span("t1", "b", "a"), Span("t2", "c"), Span("t3", "d")]);

        Assert.Equal(3, store.Count);
        Assert.Equal(["b"], store.Trace("t1")!.Select(s => s.SpanId));
        store.Add([Span("t3", "e", "d")]);
        Assert.Null(store.Trace("t1"));
        Assert.Equal(["t3", "t2"], store.Find(new TraceQuery()).Select(t => t.TraceId).Order().Reverse());
    }

    [Fact]
    public void Span_store_keeps_a_span_sent_twice_once()
    {
        var store = new SpanStore(capacity: 10);

        store.Add([Span("t1", "a"), Span("t1", "a")]);
        store.Add([Span("t1", "a")]);

        Assert.Equal(1, store.Count);
        Assert.Single(store.Trace("t1")!);
    }

    [Fact]
    public void Trace_search_filters_by_service_duration_errors_and_text_newest_first()
    {
        var store = new SpanStore(capacity: 100);
        store.Add([
            Span("slow", "a", service: "metrics-query", durationMs: 900, startMs: 0, name: "GET /metric"),
            Span("failed", "b", service: "ingest", durationMs: 5, startMs: 1000),
            Span("failed", "c", "b", service: "enrichment", durationMs: 2, startMs: 1001, status: SpanStatus.Error),
            Span("quick", "d", service: "ingest", durationMs: 1, startMs: 2000),
        ]);

        Assert.Equal(["quick", "failed", "slow"], store.Find(new TraceQuery()).Select(t => t.TraceId));
        Assert.Equal(["failed"], store.Find(new TraceQuery(Service: "enrichment")).Select(t => t.TraceId));
        Assert.Equal(["slow"], store.Find(new TraceQuery(MinDurationMs: 100)).Select(t => t.TraceId));
        Assert.Equal(["failed"], store.Find(new TraceQuery(ErrorsOnly: true)).Select(t => t.TraceId));
        Assert.Equal(["slow"], store.Find(new TraceQuery(Text: "get /METRIC")).Select(t => t.TraceId));
        Assert.Equal(["quick"], store.Find(new TraceQuery(Text: "window-quick")).Select(t => t.TraceId));
        Assert.Equal(["quick"], store.Find(new TraceQuery(Limit: 1)).Select(t => t.TraceId));
        var failed = store.Find(new TraceQuery(Service: "ingest", ErrorsOnly: true)).Single();
        Assert.Equal(("ingest", 2, 1, 5.0), (failed.RootService, failed.SpanCount, failed.ErrorCount, failed.DurationMs));
        Assert.Equal(["enrichment", "ingest"], failed.Services);
    }

    [Fact]
    public void Logs_are_bounded_per_resource_so_a_chatty_resource_keeps_a_quiet_ones_lines()
    {
        var store = new TelemetryStore(new StoreLimits { ConsoleLinesPerResource = 5 });

        store.AddConsoleLine("enrichment", "started", isError: false);
        for (var i = 0; i < 50; i++)
        {
            store.AddConsoleLine("ingest", $"line {i}", isError: i % 10 == 0);
        }

        Assert.Equal(["line 45", "line 46", "line 47", "line 48", "line 49"], store.ConsoleLines("ingest", null, 100).Select(l => l.Text));
        Assert.Equal("started", Assert.Single(store.ConsoleLines("enrichment", null, 100)).Text);
        var merged = store.ConsoleLines(null, null, 100);
        Assert.Equal(6, merged.Count);
        Assert.Equal("started", merged[0].Text);
        Assert.Equal(["line 47", "line 48", "line 49"], store.ConsoleLines(null, null, 3).Select(l => l.Text));
        Assert.True(store.ConsoleLines("ingest", "line 4", 100).Single(l => l.Text == "line 49").Sequence > merged[0].Sequence);
        Assert.Equal(["line 49"], store.ConsoleLines(null, "LINE 49", 100).Select(l => l.Text));
    }

    [Fact]
    public void Metric_store_keeps_a_short_history_per_series_ignores_resent_points_and_caps_the_number_of_series()
    {
        var store = new MetricStore(pointsPerSeries: 3, maxSeries: 2);

        for (var i = 0; i < 5; i++)
        {
            store.Add([Gauge("shard-0", T0.AddSeconds(5 * i), i)]);
        }
        store.Add([Gauge("shard-0", T0, 99)]);
        store.Add([Gauge("shard-1", T0, 1), Gauge("shard-2", T0, 2)]);

        var shard0 = Assert.Single(store.Series("lag"), s => s.Attribute("shard") == "shard-0");
        Assert.Equal([2.0, 3, 4], shard0.Points.Select(p => p.Value));
        Assert.Equal(2, store.SeriesCount);
        Assert.Equal(1, store.DroppedSamples);
        Assert.Equal(4.0, Assert.Single(store.Latest().Single(s => s.Attribute("shard") == "shard-0").Points).Value);
    }

    [Fact]
    public void Counter_rate_is_per_second_between_points_and_counts_from_the_start_time_at_first_and_after_a_restart()
    {
        var restart = T0.AddSeconds(12);
        var series = new MetricSeries("ingest", "cdnpulse.ingest.lines.accepted", "{line}", "", MetricKind.Sum, true, true, [],
        [
            new MetricPoint(T0.AddSeconds(5), T0, 100),
            new MetricPoint(T0.AddSeconds(10), T0, 600),
            new MetricPoint(T0.AddSeconds(15), restart, 30),
        ]);

        Assert.Equal([20.0, 100.0, 10.0], SeriesMath.Rate(series).Select(p => p.V));
    }

    [Fact]
    public void Latency_quantile_interpolates_inside_the_bucket_of_what_was_recorded_between_exports()
    {
        double[] bounds = [0.01, 0.1, 1];
        var series = new MetricSeries("metrics-query", "http.server.request.duration", "s", "", MetricKind.Histogram, true, true, [],
        [
            new MetricPoint(T0.AddSeconds(5), T0, 0, new HistogramValue(100, 0, bounds, [100, 0, 0, 0])),
            new MetricPoint(T0.AddSeconds(10), T0, 0, new HistogramValue(200, 0, bounds, [100, 50, 50, 0])),
        ]);

        var p50 = SeriesMath.Quantile([series], 0.5, scale: 1000);
        var p95 = SeriesMath.Quantile([series], 0.95, scale: 1000);

        // First export: 100 requests under 10 ms since the start. Second: 50 in (10, 100] ms and 50 in (100, 1000] ms.
        Assert.Equal([5.0, 100.0], p50.Select(p => Math.Round(p.V, 6)));
        Assert.Equal([9.5, 910.0], p95.Select(p => Math.Round(p.V, 6)));
    }

    private static MetricSample Gauge(string shard, DateTimeOffset time, double value) =>
        new("ingest", "lag", "ms", "", MetricKind.Gauge, false, false, [new TelemetryAttribute("shard", shard)], new MetricPoint(time, time, value));
}
