using System.Buffers;
using System.Text;
using System.Text.Json;
using CdnPulse.Metrics;
using CdnPulse.MetricsQuery.Queries;

namespace CdnPulse.MetricsQuery.Tests.Unit;

/// <summary>
/// The fast UTF-8 writer of <c>GET /metric</c> points writes exactly the bytes of the readable reference writer
/// (<see cref="CompatibleMetrics.Write"/> through a <see cref="Utf8JsonWriter"/>), for every per-window metric.
/// </summary>
public sealed class CompatiblePointWriterTests
{
    private static readonly TimeSpan[] Intervals = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromHours(1), TimeSpan.FromDays(1)];

    public static TheoryData<string> PerWindowMetrics() => [.. CompatibleMetrics.Known.Where(CompatibleMetrics.IsPerWindow)];

    [Theory]
    [MemberData(nameof(PerWindowMetrics))]
    public void Fast_points_are_byte_for_byte_the_reference_writers(string metric)
    {
        var random = new Random(metric.Length * 7919);
        var windows = Enumerable.Range(0, 300).Select(i => (Time: $"2026-11-20 {i / 60 % 24:00}:{i % 60:00}:00", Stats: RandomStats(random, i))).ToList();
        foreach (var interval in Intervals)
        {
            var expected = Reference(windows, metric, interval);
            var buffer = new ArrayBufferWriter<byte>();
            new CompatiblePointWriter(buffer, interval).WriteDetailData([.. windows.Select(w => (CompatiblePointWriter.PointStart(w.Time), w.Stats))], metric);

            Assert.Equal(expected, Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
    }

    [Fact]
    public void No_windows_give_an_empty_array()
    {
        var buffer = new ArrayBufferWriter<byte>();
        new CompatiblePointWriter(buffer, TimeSpan.FromMinutes(5)).WriteDetailData([], "request");

        Assert.Equal("[]", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static string Reference(List<(string Time, WindowStats Stats)> windows, string metric, TimeSpan interval)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var (time, stats) in windows)
            {
                w.WriteStartObject();
                w.WriteString("Time", time);
                CompatibleMetrics.Write(w, metric, stats, interval);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Empty windows, tiny counts (midpoints such as 0.0005 ms and 12.5 %), huge sums and odd edge-type names.</summary>
    private static WindowStats RandomStats(Random random, int i)
    {
        var s = new WindowStats();
        if (i % 17 == 0)
        {
            return s;
        }
        var scale = i % 5 == 0 ? 1L : i % 5 == 1 ? 8 : i % 5 == 2 ? 1_000_000_000_000L : random.Next(1, 100_000);
        s.Requests = random.NextInt64(0, 10) * scale;
        s.Bytes = random.NextInt64(0, 1000) * scale;
        s.TimeTakenUsSum = random.NextInt64(0, 5000) * scale;
        s.OriginRequests = random.NextInt64(0, 8);
        s.OriginBytes = random.NextInt64(0, 1_000_000_000);
        s.OriginTimeTakenUsSum = random.NextInt64(0, 10) * 5;
        s.HitRateRequests = random.NextInt64(0, 9);
        s.HitRequests = random.NextInt64(0, s.HitRateRequests + 1);
        s.HitRateBytes = random.NextInt64(0, 1_000_000);
        s.HitBytes = random.NextInt64(0, s.HitRateBytes + 1);
        s.Latency300 = random.NextInt64(0, s.Requests + 1);
        s.Latency600 = random.NextInt64(0, s.Requests + 1);
        s.Latency1000 = i % 3 == 0 ? s.Requests / 8 : random.NextInt64(0, s.Requests + 1);
        foreach (var code in new[] { 504, 200, 404, 206, 304, 500, 403 }.Where(_ => random.Next(3) > 0))
        {
            s.StatusCodes[code] = new CountAndTime { Count = random.NextInt64(0, 20), TimeTakenUsSum = random.NextInt64(0, 100) * scale };
            if (random.Next(2) == 0)
            {
                s.StatusCodesOrigin[code] = new CountAndTime { Count = 8, TimeTakenUsSum = random.NextInt64(0, 100) };
            }
        }
        foreach (var edge in new[] { "Miss", "Hit", "-", "RefreshHit", "Error", "a<b&\"c\"é", "LimitExceeded" }.Where(_ => random.Next(3) > 0))
        {
            s.EdgeTypes[edge] = new CountAndTime { Count = random.NextInt64(0, 9), TimeTakenUsSum = random.NextInt64(0, 9) };
        }
        for (var n = 0; n < random.Next(0, 50); n++)
        {
            s.TimeTakenHistogram.Add(random.NextInt64(0, 3_000_000));
            s.FirstByteHistogram.Add(random.NextInt64(0, 100_000));
        }
        return s;
    }
}
