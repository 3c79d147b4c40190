using CdnPulse.Dashboard.Otlp;
using CdnPulse.Dashboard.Store;
using Google.Protobuf;

namespace CdnPulse.Dashboard.Tests;

public sealed class OtlpDecodingTests
{
    private readonly TelemetryStore _store = new(new StoreLimits());

    [Fact]
    public void Trace_request_round_trips_into_stored_spans_with_ids_times_status_and_attributes()
    {
        var count = new OtlpReceiver(_store).Accept(OtlpSignal.Traces, OtlpRequests.Traces().ToByteArray());

        Assert.Equal(2, count);
        var spans = _store.Spans.Trace("0af7651916cd43dd8448eb211c80319c");
        Assert.NotNull(spans);
        var root = spans[0];
        var child = spans[1];
        Assert.Equal(("b7ad6b7169203331", (string?)null, "ingest", "CdnPulse.Ingest", "kinesis batch", "internal"),
            (root.SpanId, root.ParentSpanId, root.Service, root.Scope, root.Name, root.Kind));
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero), root.Start);
        Assert.Equal(250, root.DurationMs, precision: 6);
        Assert.Equal("shardId-000000000001", root.Attribute("aws.kinesis.shard_id"));
        Assert.Equal("42", root.Attribute("cdnpulse.kinesis.records"));
        Assert.Equal("true", root.Attribute("cdnpulse.sampled"));
        Assert.Equal("0.5", root.Attribute("cdnpulse.ratio"));
        Assert.Equal("[a.example, b.example]", root.Attribute("cdnpulse.domains"));
        Assert.Equal(SpanStatus.Unset, root.Status);

        Assert.Equal(("b7ad6b7169203331", "producer", SpanStatus.Error, "broker unreachable"), (child.ParentSpanId, child.Kind, child.Status, child.StatusMessage));
        Assert.Equal(12.5, child.DurationMs, precision: 6);
        Assert.Equal("exception", Assert.Single(child.Events).Name);
        Assert.Equal(new SpanLink("0102030405060708090a0b0c0d0e0f10", "0102030405060708"), Assert.Single(child.Links));
    }

    [Fact]
    public void Log_request_round_trips_with_severity_category_message_and_trace_ids()
    {
        var count = new OtlpReceiver(_store).Accept(OtlpSignal.Logs, OtlpRequests.Logs().ToByteArray());

        Assert.Equal(2, count);
        var warning = Assert.Single(_store.FindLogs(new LogQuery(MinSeverity: 13)));
        Assert.Equal(("aggregation", "Warning", 13, "CdnPulse.Aggregation.Consumers.LogBatchEnrichedConsumer"),
            (warning.Service, warning.Severity, warning.SeverityNumber, warning.Category));
        Assert.Equal("Dropped 3 lines older than the retention", warning.Message);
        Assert.Equal(("0af7651916cd43dd8448eb211c80319c", "00f067aa0ba902b7"), (warning.TraceId, warning.SpanId));
        Assert.Equal(new TelemetryAttribute("lines", "3"), Assert.Single(warning.Attributes));
        var info = Assert.Single(_store.FindLogs(new LogQuery(Text: "committed")));
        Assert.Equal(("Information", (string?)null), (info.Severity, info.TraceId));
    }

    [Fact]
    public void Metric_request_round_trips_sums_gauges_and_histograms_into_series()
    {
        var receiver = new OtlpReceiver(_store);
        var t1 = OtlpRequests.StartNanos + 5_000_000_000;

        var count = receiver.Accept(OtlpSignal.Metrics, OtlpRequests.Metrics(t1, 100, 1500, [1, 2, 3, 4]).ToByteArray());

        Assert.Equal(3, count);
        var accepted = Assert.Single(_store.Metrics.Series("cdnpulse.ingest.lines.accepted"));
        Assert.Equal(("ingest", MetricKind.Sum, true, true, "kinesis"), (accepted.Service, accepted.Kind, accepted.IsMonotonic, accepted.IsCumulative, accepted.Attribute("source")));
        Assert.Equal(100, Assert.Single(accepted.Points).Value);
        var lag = Assert.Single(_store.Metrics.Series("cdnpulse.ingest.kinesis.millis_behind_latest", "ingest"));
        Assert.Equal((MetricKind.Gauge, 1500.0), (lag.Kind, Assert.Single(lag.Points).Value));
        var histogram = Assert.Single(Assert.Single(_store.Metrics.Series("http.server.request.duration")).Points).Histogram;
        Assert.NotNull(histogram);
        Assert.Equal((10L, 1.5), (histogram.Count, histogram.Sum));
        Assert.Equal([0.01, 0.1, 1], histogram.Bounds);
        Assert.Equal([1L, 2, 3, 4], histogram.BucketCounts);
    }

    [Fact]
    public void Payload_that_is_not_the_signals_message_is_refused()
    {
        var receiver = new OtlpReceiver(_store);

        Assert.Throws<InvalidProtocolBufferException>(() => receiver.Accept(OtlpSignal.Traces, [0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]));
        Assert.Equal(0, _store.Spans.Count);
    }

    [Fact]
    public void Grpc_frame_round_trips_plain_and_gzip_compressed_messages()
    {
        var message = OtlpRequests.Traces().ToByteArray();

        var plain = GrpcFrame.Encode(message);
        Assert.Equal(0, plain[0]);
        Assert.Equal(message, GrpcFrame.Decode(plain, null, OtlpReceiver.MaxMessageBytes));

        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(message);
        }
        var frame = GrpcFrame.Encode(compressed.ToArray());
        frame[0] = 1;
        Assert.Equal(message, GrpcFrame.Decode(frame, "gzip", OtlpReceiver.MaxMessageBytes));
        Assert.Throws<InvalidDataException>(() => GrpcFrame.Decode(frame, "snappy", OtlpReceiver.MaxMessageBytes));
    }

    [Fact]
    public void Grpc_frame_whose_length_disagrees_with_the_body_is_refused()
    {
        var frame = GrpcFrame.Encode(OtlpRequests.Traces().ToByteArray());

        Assert.Throws<InvalidDataException>(() => GrpcFrame.Decode(frame.AsSpan(0, frame.Length - 1), null, OtlpReceiver.MaxMessageBytes));
        Assert.Throws<InvalidDataException>(() => GrpcFrame.Decode(frame.AsSpan(0, 3), null, OtlpReceiver.MaxMessageBytes));
    }
}
