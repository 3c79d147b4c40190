using CdnPulse.CdnLogs;

namespace CdnPulse.Metrics.Tests;

/// <summary>Each metric of docs/metrics.md on a handful of requests whose answer is worked out by hand in the comments.</summary>
public sealed class MetricFormulaTests
{
    // 6 requests: time-taken 100, 300, 599.5, 600, 1000, 2000.5 ms → Σ 4600 ms; bytes 1000 … 6000 → Σ 21000.
    private static readonly WindowStats Six = Requests.Stats(
        Requests.Make(status: 200, bytes: 1000, timeTakenMs: 100, result: "Hit", detailed: "Hit"),
        Requests.Make(status: 200, bytes: 2000, timeTakenMs: 300, result: "RefreshHit", detailed: "RefreshHit"),
        Requests.Make(status: 404, bytes: 3000, timeTakenMs: 599.5, result: "Miss", detailed: "Miss"),
        Requests.Make(status: 503, bytes: 4000, timeTakenMs: 600, result: "Error", detailed: "OriginConnectError"),
        Requests.Make(status: 200, bytes: 5000, timeTakenMs: 1000, result: "Hit", detailed: "OriginShieldHit"),
        Requests.Make(status: 403, bytes: 6000, timeTakenMs: 2000.5, result: "LimitExceeded", detailed: "LimitExceeded"));

    [Fact]
    public void Request_counts_and_mean_latencies_come_from_exact_microsecond_sums()
    {
        Assert.Equal(6, Six.Requests);
        Assert.Equal("766.667", MetricText.Milliseconds(MetricFormulas.MeanMilliseconds(Six.TimeTakenUsSum, Six.Requests))); // 4600 / 6
        // Origin: Miss and OriginConnectError (OriginShieldHit is not origin): (599.5 + 600) / 2 = 599.75.
        Assert.Equal(2, Six.OriginRequests);
        Assert.Equal("599.750", MetricText.Milliseconds(MetricFormulas.MeanMilliseconds(Six.OriginTimeTakenUsSum, Six.OriginRequests)));
        Assert.Equal("0.000", MetricText.Milliseconds(MetricFormulas.MeanMilliseconds(0, 0)));
    }

    [Fact]
    public void Mean_latency_rounds_half_away_from_zero_in_decimal()
    {
        // 12.3455 ms exactly: a double would print 12.345.
        Assert.Equal("12.346", MetricText.Milliseconds(MetricFormulas.MeanMilliseconds(24_691, 2)));
    }

    [Fact]
    public void Bandwidth_is_bits_per_second_of_the_interval_without_truncation()
    {
        Assert.Equal("2800", MetricText.BitsPerSecond(MetricFormulas.BitsPerSecond(Six.Bytes, TimeSpan.FromMinutes(1)))); // 21000·8/60
        Assert.Equal("560", MetricText.BitsPerSecond(MetricFormulas.BitsPerSecond(Six.Bytes, TimeSpan.FromMinutes(5))));
        Assert.Equal("933.33", MetricText.BitsPerSecond(MetricFormulas.BitsPerSecond(Six.OriginBytes, TimeSpan.FromMinutes(1)))); // 7000·8/60
        Assert.Equal("0.13", MetricText.BitsPerSecond(MetricFormulas.BitsPerSecond(1, TimeSpan.FromMinutes(1)))); // 0.1333…
        Assert.Equal("21000", MetricText.Integer(Six.Bytes));
    }

    [Fact]
    public void Hit_rates_exclude_limit_exceeded_and_weigh_bytes_exactly()
    {
        // Base: 5 requests (not LimitExceeded), 15000 bytes; hits: Hit, RefreshHit, Hit → 3 requests, 8000 bytes.
        Assert.Equal("60.00", MetricText.Percent(MetricFormulas.HitRate(Six)));
        Assert.Equal("53.33", MetricText.Percent(MetricFormulas.ByteHitRate(Six)));
        Assert.Equal("0.00", MetricText.Percent(MetricFormulas.HitRate(new WindowStats())));
    }

    [Fact]
    public void Latency_ratio_bands_are_lower_bound_inclusive()
    {
        // ≥ 1 s: 1000, 2000.5 → 2/6; [0.6, 1): 600 → 1/6; [0.3, 0.6): 300, 599.5 → 2/6.
        Assert.Equal("33.33", MetricText.Percent(MetricFormulas.Percent(Six.Latency1000, Six.Requests)));
        Assert.Equal("16.67", MetricText.Percent(MetricFormulas.Percent(Six.Latency600, Six.Requests)));
        Assert.Equal("33.33", MetricText.Percent(MetricFormulas.Percent(Six.Latency300, Six.Requests)));
    }

    [Fact]
    public void Status_codes_and_edge_types_keep_counts_and_latency_sums()
    {
        Assert.Equal(3, Six.StatusCodes[200].Count);
        Assert.Equal("466.667", MetricText.Milliseconds(MetricFormulas.MeanMilliseconds(Six.StatusCodes[200].TimeTakenUsSum, 3))); // (100 + 300 + 1000) / 3
        Assert.Equal([404, 503], Six.StatusCodesOrigin.Keys.Order());
        Assert.Equal(2, Six.EdgeTypes["Hit"].Count);
        Assert.Equal(1_100_000, Six.EdgeTypes["Hit"].TimeTakenUsSum);
    }

    [Fact]
    public void Error_rates_are_shares_of_all_requests()
    {
        // 4xx: 404, 403 → 2/6; 5xx: 503 → 1/6.
        Assert.Equal(2, MetricFormulas.StatusClassCount(Six, 4));
        Assert.Equal("33.33", MetricText.Percent(MetricFormulas.ErrorRate(Six, 4)));
        Assert.Equal("16.67", MetricText.Percent(MetricFormulas.ErrorRate(Six, 5)));
        Assert.Equal("0.00", MetricText.Percent(MetricFormulas.ErrorRate(new WindowStats(), 5)));
    }

    [Fact]
    public void Percentiles_use_the_nearest_rank_of_the_histogram()
    {
        // Sorted: 100, 300, 599.5, 600, 1000, 2000.5 ms. p50 → rank 3 = 599500 µs: 2^19 ≤ v < 2^20, so buckets are
        // 2^13 wide; v >> 13 = 73 → bucket [598016, 606207], midpoint 602111.5 µs (0.44 % above, within 1/128).
        Assert.Equal("602.112", MetricText.Milliseconds(MetricFormulas.PercentileMilliseconds(Six.TimeTakenHistogram, 50)));
        // p90 and p99 → rank ⌈5.4⌉ = ⌈5.94⌉ = 6 = 2000500 µs: buckets 2^14 wide, v >> 14 = 122 → [1998848, 2015231], midpoint 2007039.5.
        Assert.Equal("2007.040", MetricText.Milliseconds(MetricFormulas.PercentileMilliseconds(Six.TimeTakenHistogram, 90)));
        Assert.Equal("2007.040", MetricText.Milliseconds(MetricFormulas.PercentileMilliseconds(Six.TimeTakenHistogram, 99)));
        Assert.Equal("0.000", MetricText.Milliseconds(MetricFormulas.PercentileMilliseconds(Six.FirstByteHistogram, 50)));
    }

    [Fact]
    public void Time_to_first_byte_is_recorded_only_when_the_line_carries_it()
    {
        var stats = Requests.Stats(Requests.Make(firstByteMs: 12.5), Requests.Make(firstByteMs: null), Requests.Make(firstByteMs: 40));
        Assert.Equal(2, stats.FirstByteHistogram.Count);
        Assert.Equal(3, stats.TimeTakenHistogram.Count);
        Assert.Equal(40_000, stats.FirstByteHistogram.Percentile(100)!.Value, 40_000 / 128.0);
    }

    [Fact]
    public void Download_speed_buckets_are_bytes_per_second_with_k_1024_and_shares_of_the_country_isp()
    {
        var stats = Requests.Stats(
            Requests.Make(bytes: 255_999, timeTakenMs: 1000, isp: "A"),        // 255999 B/s → 250K
            Requests.Make(bytes: 256_000, timeTakenMs: 1000, isp: "A"),        // 256000 B/s → 500K
            Requests.Make(bytes: 1_000, timeTakenMs: 0, isp: "A"),             // infinite → Other
            Requests.Make(bytes: 4_194_304, timeTakenMs: 1000, isp: "A"),      // 4M boundary → Other
            Requests.Make(bytes: 100, timeTakenMs: 1000, isp: "A", result: "Error"),     // not a CDN download-speed row
            Requests.Make(bytes: 3_000_000, timeTakenMs: 1000, isp: null, result: "Miss")); // 2.86 MiB/s → 3M, CDN and origin
        var a = stats.DownloadSpeed["A"];
        Assert.Equal(4, a.Total);
        Assert.Equal(1, a[DownloadSpeedBucket.Under250K]);
        Assert.Equal(1, a[DownloadSpeedBucket.Under500K]);
        Assert.Equal(2, a[DownloadSpeedBucket.Other]);
        Assert.Equal("0.25", MetricText.Share(MetricFormulas.Share(a, DownloadSpeedBucket.Under250K)));
        Assert.Equal("0.50", MetricText.Share(MetricFormulas.Share(a, DownloadSpeedBucket.Other)));
        Assert.Equal("0.00", MetricText.Share(MetricFormulas.Share(a, DownloadSpeedBucket.Under1M)));
        Assert.Equal(1, stats.DownloadSpeed[WindowStats.UnknownIsp][DownloadSpeedBucket.Under3M]);
        Assert.Equal([WindowStats.UnknownIsp], stats.DownloadSpeedOrigin.Keys);
        Assert.Equal("1.00", MetricText.Share(MetricFormulas.Share(stats.DownloadSpeedOrigin[WindowStats.UnknownIsp], DownloadSpeedBucket.Under3M)));
    }

    [Fact]
    public void Shares_round_half_away_from_zero()
    {
        var counts = new DownloadSpeedCounts();
        counts.Add(DownloadSpeedBucket.Under1M, 1);
        counts.Add(DownloadSpeedBucket.Under2M, 7);
        Assert.Equal("0.13", MetricText.Share(MetricFormulas.Share(counts, DownloadSpeedBucket.Under1M))); // 0.125
        Assert.Equal("0.88", MetricText.Share(MetricFormulas.Share(counts, DownloadSpeedBucket.Under2M))); // 0.875
    }
}
