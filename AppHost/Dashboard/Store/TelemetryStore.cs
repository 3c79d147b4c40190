namespace CdnPulse.Dashboard.Store;

/// <summary>Everything the dashboard keeps, all of it in memory and bounded: spans, structured logs, console lines and metrics.</summary>
public sealed class TelemetryStore(StoreLimits limits)
{
    public SpanStore Spans { get; } = new(limits.Spans);

    public PerResourceLog<StoredLog> Logs { get; } = new(limits.LogsPerResource);

    public PerResourceLog<ConsoleLine> Console { get; } = new(limits.ConsoleLinesPerResource);

    public MetricStore Metrics { get; } = new(limits.PointsPerSeries, limits.MetricSeries);

    public void AddConsoleLine(string resource, string text, bool isError) =>
        Console.Add(resource, new ConsoleLine(Console.NextSequence(), DateTimeOffset.UtcNow, resource, text, isError));

    public IReadOnlyList<ConsoleLine> ConsoleLines(string? resource, string? text, int limit) =>
        Console.Last(resource, l => text is not { Length: > 0 } || l.Text.Contains(text, StringComparison.OrdinalIgnoreCase), l => l.Sequence, limit);

    public IReadOnlyList<StoredLog> FindLogs(LogQuery query) => Logs.Last(query.Resource, l =>
            l.SeverityNumber >= query.MinSeverity &&
            (query.TraceId is not { Length: > 0 } traceId || string.Equals(l.TraceId, traceId, StringComparison.OrdinalIgnoreCase)) &&
            (query.Text is not { Length: > 0 } text || l.Message.Contains(text, StringComparison.OrdinalIgnoreCase) ||
                l.Category.Contains(text, StringComparison.OrdinalIgnoreCase) ||
                l.Attributes.Any(a => a.Value.Contains(text, StringComparison.OrdinalIgnoreCase))),
        l => l.Sequence, query.Limit);
}
