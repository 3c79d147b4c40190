using CdnPulse.Dashboard.Store;

namespace CdnPulse.Dashboard.Charts;

/// <summary>
/// The pipeline-health charts of the dashboard, computed from the metric store: ingest rate, rejects by reason,
/// Kinesis consumer lag, bus queue depth, projection lag, query latency, and the alerting service's evaluations and
/// webhook failures when it reports them.
/// </summary>
public static class KeyCharts
{
    public const string LinesAccepted = "cdnpulse.ingest.lines.accepted";
    public const string LinesRejected = "cdnpulse.ingest.lines.rejected";
    public const string KinesisLag = "cdnpulse.ingest.kinesis.millis_behind_latest";
    public const string ProjectionLag = "cdnpulse.eventstore.projection.lag";
    public const string RequestDuration = "http.server.request.duration";
    public const string QueueDepth = "rabbitmq.queue.messages";
    public const string QueryService = "metrics-query";

    public static IReadOnlyList<ChartView> Compute(MetricStore metrics, DateTimeOffset since)
    {
        // Rates and deltas need the point before the window, so whole series go in and the window is cut at the end.
        IReadOnlyList<MetricSeries> Recent(string name, string? service = null) => metrics.Series(name, service);

        var latency = Recent(RequestDuration, QueryService)
            .Where(s => s.Attribute("http.route") is not ("/health" or "/alive"))
            .ToList();
        var names = metrics.Latest().Select(s => s.Name).Distinct(StringComparer.Ordinal).ToList();
        var evaluations = names.Where(n => Contains(n, "alarm", "alert") && Contains(n, "evaluat")).ToList();
        var webhookFailures = names.Where(n => Contains(n, "webhook") && Contains(n, "fail", "error")).ToList();

        ChartView[] charts =
        [
            new("ingest-rate", "Ingest rate", "lines/s", LinesAccepted,
                SeriesMath.SumByLabel(Recent(LinesAccepted).Select(s => (s.Attribute("source") ?? "all", SeriesMath.Rate(s))))),
            new("rejects", "Rejected lines by reason", "lines/s", LinesRejected,
                SeriesMath.SumByLabel(Recent(LinesRejected).Select(s => (s.Attribute("reason") ?? "unknown", SeriesMath.Rate(s))))),
            new("kinesis-lag", "Kinesis consumer lag", "ms", KinesisLag,
                SeriesMath.SumByLabel(Recent(KinesisLag).Select(s => (s.Attribute("shard") ?? "all", SeriesMath.Values(s))))),
            new("queue-depth", "Bus queue depth", "messages", QueueDepth,
                SeriesMath.SumByLabel(Recent(QueueDepth).Select(s => (s.Attribute("queue") ?? "all", SeriesMath.Values(s))))),
            new("projection-lag", "Projection lag", "events", ProjectionLag,
                SeriesMath.SumByLabel(Recent(ProjectionLag).Select(s => (s.Attribute("eventstore.projection") ?? "all", SeriesMath.Values(s))))),
            new("query-latency", "Query latency (metrics-query)", "ms", $"{RequestDuration} of {QueryService}",
                latency.Count == 0 ? [] : [Quantile(latency, "p50", 0.5), Quantile(latency, "p95", 0.95)]),
            new("alarm-evaluations", "Alarm evaluations", "/s", evaluations.Count > 0 ? string.Join(", ", evaluations) : "alerting (alarm evaluation counter)",
                SeriesMath.SumByLabel(evaluations.SelectMany(n => Recent(n)).Select(s => (s.Attribute("outcome") ?? s.Attribute("result") ?? s.Name, SeriesMath.Rate(s))))),
            new("webhook-failures", "Webhook failures", "/s", webhookFailures.Count > 0 ? string.Join(", ", webhookFailures) : "alerting (webhook failure counter)",
                SeriesMath.SumByLabel(webhookFailures.SelectMany(n => Recent(n)).Select(s => (s.Name, SeriesMath.Rate(s))))),
        ];
        var from = since.ToUnixTimeMilliseconds();
        return [.. charts.Select(c => c with
        {
            Lines = [.. c.Lines.Select(l => l with { Points = [.. l.Points.Where(p => p.T >= from)] }).Where(l => l.Points.Count > 0)],
        })];
    }

    private static ChartLine Quantile(IReadOnlyList<MetricSeries> histograms, string label, double quantile) =>
        new(label, SeriesMath.Quantile(histograms, quantile, histograms[0].Unit == "s" ? 1000 : 1));

    private static bool Contains(string name, params string[] fragments) =>
        fragments.Any(f => name.Contains(f, StringComparison.OrdinalIgnoreCase));
}
