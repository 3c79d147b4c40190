using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using CdnPulse.Metrics;

namespace CdnPulse.MetricsQuery.Queries;

/// <summary>
/// Writes the DetailData array of a per-window metric as compact UTF-8 JSON straight into a buffer: byte for byte
/// what <see cref="CompatibleMetrics.Write"/> gives through a <see cref="Utf8JsonWriter"/> (checked against it in
/// CompatiblePointWriterTests), but numbers are formatted into the buffer with the same formats (no string per value),
/// names are constants and each window's <c>{"Time":"…"</c> is encoded once per answer. One instance per answer.
/// </summary>
internal sealed class CompatiblePointWriter(IBufferWriter<byte> output, TimeSpan interval)
{
    private readonly Dictionary<string, byte[]> _edgeTypes = new(StringComparer.Ordinal);

    /// <summary>A window's opening bytes, <c>{"Time":"yyyy-MM-dd HH:mm:ss"</c>, JSON-encoded as Utf8JsonWriter would.</summary>
    public static byte[] PointStart(string time) => [.. "{\"Time\":\""u8, .. JsonEncodedText.Encode(time).EncodedUtf8Bytes, (byte)'"'];

    public void WriteDetailData(ReadOnlySpan<(byte[] Start, WindowStats Stats)> windows, string metric)
    {
        Append("["u8);
        for (var i = 0; i < windows.Length; i++)
        {
            if (i > 0)
            {
                Append(","u8);
            }
            WritePoint(windows[i].Start, windows[i].Stats, metric);
        }
        Append("]"u8);
    }

    /// <summary>One point: <paramref name="start"/> (<see cref="PointStart"/>), the metric's values and the closing brace.</summary>
    public void WritePoint(ReadOnlySpan<byte> start, WindowStats stats, string metric)
    {
        Append(start);
        WriteValues(metric, stats);
        Append("}"u8);
    }

    private void WriteValues(string metric, WindowStats s)
    {
        switch (metric)
        {
            case "request": Value(s.Requests); break;
            case "requestOrigin": Value(s.OriginRequests); break;
            case "requestLatency": Value(MetricFormulas.MeanMilliseconds(s.TimeTakenUsSum, s.Requests), 3, "0.000"); break;
            case "requestOriginLatency": Value(MetricFormulas.MeanMilliseconds(s.OriginTimeTakenUsSum, s.OriginRequests), 3, "0.000"); break;
            case "downstreamTraffic": Value(s.Bytes); break;
            case "bandwidth": Value(MetricFormulas.BitsPerSecond(s.Bytes, interval), 2, "0.##"); break;
            case "bandwidthOrigin": Value(MetricFormulas.BitsPerSecond(s.OriginBytes, interval), 2, "0.##"); break;
            case "chr": Value(MetricFormulas.HitRate(s), 2, "0.00"); break;
            case "chrBandWidth": Value(MetricFormulas.ByteHitRate(s), 2, "0.00"); break;
            case "latencyRatio":
                Value(MetricFormulas.Percent(s.Latency1000, s.Requests), 2, "0.00");
                Append(",\"Value_600\":\""u8);
                Decimal(MetricFormulas.Percent(s.Latency600, s.Requests), 2, "0.00");
                Append(",\"Value_300\":\""u8);
                Decimal(MetricFormulas.Percent(s.Latency300, s.Requests), 2, "0.00");
                break;
            case "statusCode" or "statusCodeLatency": StatusList(s.StatusCodes); break;
            case "statusCodeOrigin" or "statusCodeOriginLatency": StatusList(s.StatusCodesOrigin); break;
            case "edgeType" or "edgeTypeLatency": EdgeList(s.EdgeTypes); break;
            case "latencyP50": Value(MetricFormulas.PercentileMilliseconds(s.TimeTakenHistogram, 50), 3, "0.000"); break;
            case "latencyP90": Value(MetricFormulas.PercentileMilliseconds(s.TimeTakenHistogram, 90), 3, "0.000"); break;
            case "latencyP99": Value(MetricFormulas.PercentileMilliseconds(s.TimeTakenHistogram, 99), 3, "0.000"); break;
            case "ttfbP50": Value(MetricFormulas.PercentileMilliseconds(s.FirstByteHistogram, 50), 3, "0.000"); break;
            case "ttfbP90": Value(MetricFormulas.PercentileMilliseconds(s.FirstByteHistogram, 90), 3, "0.000"); break;
            case "ttfbP99": Value(MetricFormulas.PercentileMilliseconds(s.FirstByteHistogram, 99), 3, "0.000"); break;
            case "errorRate4xx": Value(MetricFormulas.ErrorRate(s, 4), 2, "0.00"); break;
            case "errorRate5xx": Value(MetricFormulas.ErrorRate(s, 5), 2, "0.00"); break;
            default: throw new ArgumentOutOfRangeException(nameof(metric), metric, "Not a per-window metric.");
        }
    }

    private void StatusList(Dictionary<int, CountAndTime> map)
    {
        var sorted = ArrayPool<KeyValuePair<int, CountAndTime>>.Shared.Rent(map.Count);
        var n = 0;
        foreach (var entry in map)
        {
            sorted[n++] = entry;
        }
        // Keys are unique, so this is the order of the stable OrderBy the reference writer uses.
        Array.Sort(sorted, 0, n, StatusOrder.Instance);
        Append(",\"Value\":["u8);
        for (var i = 0; i < n; i++)
        {
            Append(i == 0 ? "{\"StatusCode\":\""u8 : ",{\"StatusCode\":\""u8);
            Integer(sorted[i].Key);
            CountAndLatency(sorted[i].Value);
        }
        Append("]"u8);
        Array.Clear(sorted, 0, n);
        ArrayPool<KeyValuePair<int, CountAndTime>>.Shared.Return(sorted);
    }

    private void EdgeList(Dictionary<string, CountAndTime> map)
    {
        var sorted = ArrayPool<KeyValuePair<string, CountAndTime>>.Shared.Rent(map.Count);
        var n = 0;
        foreach (var entry in map)
        {
            sorted[n++] = entry;
        }
        Array.Sort(sorted, 0, n, EdgeOrder.Instance);
        Append(",\"Value\":["u8);
        for (var i = 0; i < n; i++)
        {
            Append(i == 0 ? "{\"EdgeType\":\""u8 : ",{\"EdgeType\":\""u8);
            Append(EdgeType(sorted[i].Key));
            CountAndLatency(sorted[i].Value);
        }
        Append("]"u8);
        Array.Clear(sorted, 0, n);
        ArrayPool<KeyValuePair<string, CountAndTime>>.Shared.Return(sorted);
    }

    /// <summary>The rest of a list entry after its key's digits: <c>","Count":"…","Latency":"…"}</c>.</summary>
    private void CountAndLatency(CountAndTime value)
    {
        Append("\",\"Count\":\""u8);
        Integer(value.Count);
        Append("\",\"Latency\":\""u8);
        Decimal(MetricFormulas.MeanMilliseconds(value.TimeTakenUsSum, value.Count), 3, "0.000");
        Append("}"u8);
    }

    private byte[] EdgeType(string edgeType)
    {
        if (!_edgeTypes.TryGetValue(edgeType, out var encoded))
        {
            encoded = JsonEncodedText.Encode(edgeType).EncodedUtf8Bytes.ToArray();
            _edgeTypes[edgeType] = encoded;
        }
        return encoded;
    }

    private void Value(long value)
    {
        Append(",\"Value\":\""u8);
        Integer(value);
        Append("\""u8);
    }

    private void Value(decimal value, int decimals, string format)
    {
        Append(",\"Value\":\""u8);
        Decimal(value, decimals, format);
    }

    /// <summary>The digits only.</summary>
    private void Integer(long value)
    {
        var span = output.GetSpan(24);
        if (!Utf8Formatter.TryFormat(value, span, out var written))
        {
            throw new InvalidOperationException("A long did not fit in 24 bytes.");
        }
        output.Advance(written);
    }

    /// <summary>The value as <see cref="MetricText"/> writes it (rounded half away from zero, same format), and the closing quote.</summary>
    private void Decimal(decimal value, int decimals, string format)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        var span = output.GetSpan(64);
        if (!rounded.TryFormat(span, out var written, format, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A decimal did not fit in 64 bytes.");
        }
        span[written] = (byte)'"';
        output.Advance(written + 1);
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }

    private sealed class StatusOrder : IComparer<KeyValuePair<int, CountAndTime>>
    {
        public static readonly StatusOrder Instance = new();

        public int Compare(KeyValuePair<int, CountAndTime> x, KeyValuePair<int, CountAndTime> y) => x.Key.CompareTo(y.Key);
    }

    private sealed class EdgeOrder : IComparer<KeyValuePair<string, CountAndTime>>
    {
        public static readonly EdgeOrder Instance = new();

        public int Compare(KeyValuePair<string, CountAndTime> x, KeyValuePair<string, CountAndTime> y) => string.CompareOrdinal(x.Key, y.Key);
    }
}
