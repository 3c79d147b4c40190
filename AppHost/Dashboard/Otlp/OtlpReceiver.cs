using CdnPulse.Dashboard.Store;
using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace CdnPulse.Dashboard.Otlp;

/// <summary>Decodes an OTLP export request of either transport into the store and builds the (empty, all-accepted) response.</summary>
public sealed class OtlpReceiver(TelemetryStore store)
{
    /// <summary>Requests beyond this size (after decompression) are refused; the OTLP exporters' batches are far smaller.</summary>
    public const int MaxMessageBytes = 32 * 1024 * 1024;

    /// <summary>Stores what the request carries and returns the number of items (spans, log records, data points).</summary>
    /// <exception cref="InvalidProtocolBufferException">The payload is not a valid message of the signal's request type.</exception>
    public int Accept(OtlpSignal signal, ReadOnlySpan<byte> payload)
    {
        switch (signal)
        {
            case OtlpSignal.Traces:
                var spans = OtlpConverter.Spans(ExportTraceServiceRequest.Parser.ParseFrom(payload));
                store.Spans.Add(spans);
                return spans.Count;
            case OtlpSignal.Logs:
                var logs = OtlpConverter.Logs(ExportLogsServiceRequest.Parser.ParseFrom(payload), store.Logs.NextSequence);
                foreach (var log in logs)
                {
                    store.Logs.Add(log.Service, log);
                }
                return logs.Count;
            case OtlpSignal.Metrics:
                var samples = OtlpConverter.Metrics(ExportMetricsServiceRequest.Parser.ParseFrom(payload));
                store.Metrics.Add(samples);
                return samples.Count;
            default:
                throw new ArgumentOutOfRangeException(nameof(signal), signal, null);
        }
    }

    public static IMessage Response(OtlpSignal signal) => signal switch
    {
        OtlpSignal.Traces => new ExportTraceServiceResponse(),
        OtlpSignal.Logs => new ExportLogsServiceResponse(),
        OtlpSignal.Metrics => new ExportMetricsServiceResponse(),
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, null),
    };
}
