using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Logs.V1;
using OpenTelemetry.Proto.Metrics.V1;
using OpenTelemetry.Proto.Resource.V1;
using OpenTelemetry.Proto.Trace.V1;

namespace CdnPulse.Dashboard.Tests;

/// <summary>OTLP export requests built with the generated classes, as an exporter would send them.</summary>
internal static class OtlpRequests
{
    public static readonly byte[] TraceId = Convert.FromHexString("0af7651916cd43dd8448eb211c80319c");
    public static readonly byte[] RootId = Convert.FromHexString("b7ad6b7169203331");
    public static readonly byte[] ChildId = Convert.FromHexString("00f067aa0ba902b7");
    public static readonly ulong StartNanos = (ulong)new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;

    public static Resource Service(string name) => new() { Attributes = { Text("service.name", name) } };

    public static KeyValue Text(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    public static KeyValue Number(string key, long value) => new() { Key = key, Value = new AnyValue { IntValue = value } };

    public static ExportTraceServiceRequest Traces() => new()
    {
        ResourceSpans =
        {
            new ResourceSpans
            {
                Resource = Service("ingest"),
                ScopeSpans =
                {
                    new ScopeSpans
                    {
                        Scope = new InstrumentationScope { Name = "CdnPulse.Ingest" },
                        Spans =
                        {
                            new Span
                            {
                                TraceId = ByteString.CopyFrom(TraceId), SpanId = ByteString.CopyFrom(RootId), Name = "kinesis batch",
                                Kind = Span.Types.SpanKind.Internal, StartTimeUnixNano = StartNanos, EndTimeUnixNano = StartNanos + 250_000_000,
                                Attributes =
                                {
                                    Text("aws.kinesis.shard_id", "shardId-000000000001"),
                                    Number("cdnpulse.kinesis.records", 42),
                                    new KeyValue { Key = "cdnpulse.sampled", Value = new AnyValue { BoolValue = true } },
                                    new KeyValue { Key = "cdnpulse.ratio", Value = new AnyValue { DoubleValue = 0.5 } },
                                    new KeyValue
                                    {
                                        Key = "cdnpulse.domains",
                                        Value = new AnyValue { ArrayValue = new ArrayValue { Values = { new AnyValue { StringValue = "a.example" }, new AnyValue { StringValue = "b.example" } } } },
                                    },
                                },
                            },
                            new Span
                            {
                                TraceId = ByteString.CopyFrom(TraceId), SpanId = ByteString.CopyFrom(ChildId), ParentSpanId = ByteString.CopyFrom(RootId),
                                Name = "cdn-pulse.contracts:log-batch-received publish", Kind = Span.Types.SpanKind.Producer,
                                StartTimeUnixNano = StartNanos + 100_000_000, EndTimeUnixNano = StartNanos + 112_500_000,
                                Status = new Status { Code = Status.Types.StatusCode.Error, Message = "broker unreachable" },
                                Events = { new Span.Types.Event { Name = "exception", TimeUnixNano = StartNanos + 110_000_000, Attributes = { Text("exception.type", "IOException") } } },
                                Links = { new Span.Types.Link { TraceId = ByteString.CopyFrom(new byte[16] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }), SpanId = ByteString.CopyFrom(new byte[8] { 1, 2, 3, 4, 5, 6, 7, 8 }) } },
                            },
                        },
                    },
                },
            },
        },
    };

    public static ExportLogsServiceRequest Logs() => new()
    {
        ResourceLogs =
        {
            new ResourceLogs
            {
                Resource = Service("aggregation"),
                ScopeLogs =
                {
                    new ScopeLogs
                    {
                        Scope = new InstrumentationScope { Name = "CdnPulse.Aggregation.Consumers.LogBatchEnrichedConsumer" },
                        LogRecords =
                        {
                            new LogRecord
                            {
                                TimeUnixNano = StartNanos, SeverityNumber = SeverityNumber.Warn, SeverityText = "Warning",
                                Body = new AnyValue { StringValue = "Dropped 3 lines older than the retention" },
                                Attributes = { Number("lines", 3) }, TraceId = ByteString.CopyFrom(TraceId), SpanId = ByteString.CopyFrom(ChildId),
                            },
                            new LogRecord { TimeUnixNano = StartNanos + 1, SeverityNumber = SeverityNumber.Info, Body = new AnyValue { StringValue = "Committed 1 batch" } },
                        },
                    },
                },
            },
        },
    };

    public static ExportMetricsServiceRequest Metrics(ulong timeNanos, long accepted, double lag, ulong[] latencyBuckets) => new()
    {
        ResourceMetrics =
        {
            new ResourceMetrics
            {
                Resource = Service("ingest"),
                ScopeMetrics =
                {
                    new ScopeMetrics
                    {
                        Scope = new InstrumentationScope { Name = "CdnPulse.Ingest" },
                        Metrics =
                        {
                            new Metric
                            {
                                Name = "cdnpulse.ingest.lines.accepted", Unit = "{line}",
                                Sum = new Sum
                                {
                                    AggregationTemporality = AggregationTemporality.Cumulative, IsMonotonic = true,
                                    DataPoints = { new NumberDataPoint { StartTimeUnixNano = StartNanos, TimeUnixNano = timeNanos, AsInt = accepted, Attributes = { Text("source", "kinesis") } } },
                                },
                            },
                            new Metric
                            {
                                Name = "cdnpulse.ingest.kinesis.millis_behind_latest", Unit = "ms",
                                Gauge = new Gauge { DataPoints = { new NumberDataPoint { TimeUnixNano = timeNanos, AsDouble = lag, Attributes = { Text("shard", "shardId-000000000000") } } } },
                            },
                            new Metric
                            {
                                Name = "http.server.request.duration", Unit = "s",
                                Histogram = new Histogram
                                {
                                    AggregationTemporality = AggregationTemporality.Cumulative,
                                    DataPoints =
                                    {
                                        new HistogramDataPoint
                                        {
                                            StartTimeUnixNano = StartNanos, TimeUnixNano = timeNanos, Count = latencyBuckets.Aggregate(0UL, (a, b) => a + b), Sum = 1.5,
                                            ExplicitBounds = { 0.01, 0.1, 1 }, BucketCounts = { latencyBuckets }, Attributes = { Text("http.route", "/metric") },
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    };
}
