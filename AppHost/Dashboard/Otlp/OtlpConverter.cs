using CdnPulse.Dashboard.Store;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Metrics.V1;
using OpenTelemetry.Proto.Trace.V1;

namespace CdnPulse.Dashboard.Otlp;

/// <summary>Turns OTLP export requests into the store's records.</summary>
internal static class OtlpConverter
{
    public static IReadOnlyList<StoredSpan> Spans(ExportTraceServiceRequest request) =>
    [
        .. from resourceSpans in request.ResourceSpans
           let service = OtlpValues.ServiceName(resourceSpans.Resource)
           from scopeSpans in resourceSpans.ScopeSpans
           from span in scopeSpans.Spans
           where OtlpValues.Hex(span.TraceId) is not null && OtlpValues.Hex(span.SpanId) is not null
           select Span(service, scopeSpans.Scope?.Name ?? "", span),
    ];

    public static IReadOnlyList<StoredLog> Logs(ExportLogsServiceRequest request, Func<long> sequence) =>
    [
        .. from resourceLogs in request.ResourceLogs
           let service = OtlpValues.ServiceName(resourceLogs.Resource)
           from scopeLogs in resourceLogs.ScopeLogs
           from record in scopeLogs.LogRecords
           select Log(sequence(), service, scopeLogs.Scope?.Name ?? "", record),
    ];

    public static IReadOnlyList<MetricSample> Metrics(ExportMetricsServiceRequest request) =>
    [
        .. from resourceMetrics in request.ResourceMetrics
           let service = OtlpValues.ServiceName(resourceMetrics.Resource)
           from scopeMetrics in resourceMetrics.ScopeMetrics
           from metric in scopeMetrics.Metrics
           from sample in Samples(service, metric)
           select sample,
    ];

    private static StoredSpan Span(string service, string scope, Span span)
    {
        var start = OtlpValues.Time(span.StartTimeUnixNano);
        var durationMs = span.EndTimeUnixNano > span.StartTimeUnixNano ? (span.EndTimeUnixNano - span.StartTimeUnixNano) / 1e6 : 0;
        var status = span.Status?.Code switch
        {
            Status.Types.StatusCode.Error => SpanStatus.Error,
            Status.Types.StatusCode.Ok => SpanStatus.Ok,
            _ => SpanStatus.Unset,
        };
        return new StoredSpan(OtlpValues.Hex(span.TraceId)!, OtlpValues.Hex(span.SpanId)!, OtlpValues.Hex(span.ParentSpanId), service, scope,
            span.Name, Kind(span.Kind), start, durationMs, status, span.Status is { Message.Length: > 0 } s ? s.Message : null,
            OtlpValues.Attributes(span.Attributes),
            [.. span.Events.Select(e => new SpanEvent(OtlpValues.Time(e.TimeUnixNano), e.Name, OtlpValues.Attributes(e.Attributes)))],
            [.. span.Links.Select(l => new SpanLink(OtlpValues.Hex(l.TraceId) ?? "", OtlpValues.Hex(l.SpanId) ?? "")).Where(l => l.TraceId.Length > 0)]);
    }

    private static string Kind(Span.Types.SpanKind kind) => kind switch
    {
        OpenTelemetry.Proto.Trace.V1.Span.Types.SpanKind.Server => "server",
        OpenTelemetry.Proto.Trace.V1.Span.Types.SpanKind.Client => "client",
        OpenTelemetry.Proto.Trace.V1.Span.Types.SpanKind.Producer => "producer",
        OpenTelemetry.Proto.Trace.V1.Span.Types.SpanKind.Consumer => "consumer",
        _ => "internal",
    };

    private static StoredLog Log(long sequence, string service, string scope, OpenTelemetry.Proto.Logs.V1.LogRecord record)
    {
        var time = record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano;
        var number = (int)record.SeverityNumber;
        var severity = record.SeverityText is { Length: > 0 } text ? text : SeverityName(number);
        return new StoredLog(sequence, time == 0 ? DateTimeOffset.UtcNow : OtlpValues.Time(time), service, severity, number,
            scope, OtlpValues.Text(record.Body), OtlpValues.Attributes(record.Attributes), OtlpValues.Hex(record.TraceId), OtlpValues.Hex(record.SpanId));
    }

    private static string SeverityName(int number) => number switch
    {
        >= 21 => "Critical",
        >= 17 => "Error",
        >= 13 => "Warning",
        >= 9 => "Information",
        >= 5 => "Debug",
        >= 1 => "Trace",
        _ => "Unspecified",
    };

    private static IEnumerable<MetricSample> Samples(string service, Metric metric)
    {
        switch (metric.DataCase)
        {
            case Metric.DataOneofCase.Gauge:
                foreach (var point in metric.Gauge.DataPoints)
                {
                    yield return Sample(service, metric, MetricKind.Gauge, false, false, point.Attributes, Number(point));
                }
                break;
            case Metric.DataOneofCase.Sum:
                var cumulative = metric.Sum.AggregationTemporality == AggregationTemporality.Cumulative;
                foreach (var point in metric.Sum.DataPoints)
                {
                    yield return Sample(service, metric, MetricKind.Sum, metric.Sum.IsMonotonic, cumulative, point.Attributes, Number(point));
                }
                break;
            case Metric.DataOneofCase.Histogram:
                var cumulativeHistogram = metric.Histogram.AggregationTemporality == AggregationTemporality.Cumulative;
                foreach (var point in metric.Histogram.DataPoints)
                {
                    var histogram = new HistogramValue((long)point.Count, point.Sum, [.. point.ExplicitBounds], [.. point.BucketCounts.Select(c => (long)c)]);
                    yield return Sample(service, metric, MetricKind.Histogram, true, cumulativeHistogram, point.Attributes,
                        new MetricPoint(OtlpValues.Time(point.TimeUnixNano), OtlpValues.Time(point.StartTimeUnixNano), point.Sum, histogram));
                }
                break;
            case Metric.DataOneofCase.ExponentialHistogram:
                var cumulativeExponential = metric.ExponentialHistogram.AggregationTemporality == AggregationTemporality.Cumulative;
                foreach (var point in metric.ExponentialHistogram.DataPoints)
                {
                    yield return Sample(service, metric, MetricKind.ExponentialHistogram, true, cumulativeExponential, point.Attributes,
                        new MetricPoint(OtlpValues.Time(point.TimeUnixNano), OtlpValues.Time(point.StartTimeUnixNano), point.Sum,
                            new HistogramValue((long)point.Count, point.Sum, [], [])));
                }
                break;
            case Metric.DataOneofCase.Summary:
                foreach (var point in metric.Summary.DataPoints)
                {
                    yield return Sample(service, metric, MetricKind.Summary, true, true, point.Attributes,
                        new MetricPoint(OtlpValues.Time(point.TimeUnixNano), OtlpValues.Time(point.StartTimeUnixNano), point.Sum,
                            new HistogramValue((long)point.Count, point.Sum, [], [])));
                }
                break;
        }
    }

    private static MetricPoint Number(NumberDataPoint point) => new(OtlpValues.Time(point.TimeUnixNano), OtlpValues.Time(point.StartTimeUnixNano),
        point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble);

    private static MetricSample Sample(string service, Metric metric, MetricKind kind, bool monotonic, bool cumulative,
        Google.Protobuf.Collections.RepeatedField<OpenTelemetry.Proto.Common.V1.KeyValue> attributes, MetricPoint point) =>
        new(service, metric.Name, metric.Unit, metric.Description, kind, monotonic, cumulative, OtlpValues.Attributes(attributes), point);
}
