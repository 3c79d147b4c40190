namespace CdnPulse.CdnLogs.Tests;

public class RequestClassificationTests
{
    [Theory]
    [InlineData("Miss", true)]
    [InlineData("OriginConnectError", true)]
    [InlineData("OriginDnsError", true)]
    [InlineData("AbortedOrigin", true)]
    [InlineData("SlowReaderOriginError", true)]
    [InlineData("OriginShieldHit", false)]
    [InlineData("Hit", false)]
    [InlineData("RefreshHit", false)]
    [InlineData("Error", false)]
    [InlineData("miss", false)]
    [InlineData(null, false)]
    public void Went_to_origin_is_miss_or_an_origin_type_other_than_origin_shield_hit(string? detailed, bool expected)
    {
        Assert.Equal(expected, RequestClassification.WentToOrigin(detailed));
    }

    [Theory]
    [InlineData("Hit", true)]
    [InlineData("RefreshHit", true)]
    [InlineData("Miss", false)]
    [InlineData("Error", false)]
    [InlineData("hit", false)]
    [InlineData(null, false)]
    public void Is_hit_when_the_response_result_type_ends_with_hit(string? response, bool expected)
    {
        Assert.Equal(expected, RequestClassification.IsHit(response));
    }

    [Theory]
    [InlineData("LimitExceeded", false)]
    [InlineData("CapacityExceeded", false)]
    [InlineData("Hit", true)]
    [InlineData("Miss", true)]
    [InlineData("Error", true)]
    [InlineData("Redirect", true)]
    [InlineData(null, true)]
    public void Counts_for_hit_rate_unless_limit_or_capacity_exceeded(string? response, bool expected)
    {
        Assert.Equal(expected, RequestClassification.CountsForHitRate(response));
    }

    [Theory]
    [InlineData("LimitExceeded", false)]
    [InlineData("CapacityExceeded", false)]
    [InlineData("Error", false)]
    [InlineData("Redirect", false)]
    [InlineData("Hit", true)]
    [InlineData("RefreshHit", true)]
    [InlineData("Miss", true)]
    [InlineData(null, true)]
    public void Counts_for_download_speed_unless_exceeded_error_or_redirect(string? response, bool expected)
    {
        Assert.Equal(expected, RequestClassification.CountsForDownloadSpeed(response));
    }

    [Theory]
    [InlineData("Miss", true)]
    [InlineData("Hit", false)]
    [InlineData("RefreshHit", false)]
    [InlineData(null, false)]
    public void Counts_for_origin_download_speed_only_on_miss(string? response, bool expected)
    {
        Assert.Equal(expected, RequestClassification.CountsForOriginDownloadSpeed(response));
    }

    [Theory]
    [InlineData(256000L, 1000.0, 256000.0)]
    [InlineData(5000L, 2.0, 2500000.0)]
    [InlineData(1024L, 500.0, 2048.0)]
    [InlineData(0L, 10.0, 0.0)]
    public void Download_speed_is_bytes_per_second(long bytes, double timeTakenMs, double expected)
    {
        Assert.Equal(expected, RequestClassification.DownloadSpeedBytesPerSecond(bytes, timeTakenMs));
    }

    [Fact]
    public void Download_speed_is_infinite_and_other_when_time_taken_is_zero()
    {
        Assert.Equal(double.PositiveInfinity, RequestClassification.DownloadSpeedBytesPerSecond(1000, 0));
        Assert.Equal(DownloadSpeedBucket.Other, RequestClassification.DownloadSpeedBucket(1000, 0));
    }

    [Theory]
    [InlineData(0.0, DownloadSpeedBucket.Under250K)]
    [InlineData(255999.0, DownloadSpeedBucket.Under250K)]
    [InlineData(255999.999, DownloadSpeedBucket.Under250K)]
    [InlineData(256000.0, DownloadSpeedBucket.Under500K)]
    [InlineData(511999.0, DownloadSpeedBucket.Under500K)]
    [InlineData(512000.0, DownloadSpeedBucket.Under750K)]
    [InlineData(767999.0, DownloadSpeedBucket.Under750K)]
    [InlineData(768000.0, DownloadSpeedBucket.Under1M)]
    [InlineData(1048575.0, DownloadSpeedBucket.Under1M)]
    [InlineData(1048576.0, DownloadSpeedBucket.Under2M)]
    [InlineData(2097151.0, DownloadSpeedBucket.Under2M)]
    [InlineData(2097152.0, DownloadSpeedBucket.Under3M)]
    [InlineData(3145727.0, DownloadSpeedBucket.Under3M)]
    [InlineData(3145728.0, DownloadSpeedBucket.Under4M)]
    [InlineData(4194303.0, DownloadSpeedBucket.Under4M)]
    [InlineData(4194304.0, DownloadSpeedBucket.Other)]
    [InlineData(double.PositiveInfinity, DownloadSpeedBucket.Other)]
    public void Download_speed_bucket_lower_bounds_are_inclusive(double bytesPerSecond, DownloadSpeedBucket expected)
    {
        Assert.Equal(expected, RequestClassification.DownloadSpeedBucket(bytesPerSecond));
    }

    [Theory]
    [InlineData(255999L, 1000.0, DownloadSpeedBucket.Under250K)]
    [InlineData(256000L, 1000.0, DownloadSpeedBucket.Under500K)]
    [InlineData(128000L, 500.0, DownloadSpeedBucket.Under500K)]
    [InlineData(5000L, 2.0, DownloadSpeedBucket.Under3M)]
    [InlineData(2097152L, 500.0, DownloadSpeedBucket.Other)]
    public void Download_speed_bucket_of_a_request(long bytes, double timeTakenMs, DownloadSpeedBucket expected)
    {
        Assert.Equal(expected, RequestClassification.DownloadSpeedBucket(bytes, timeTakenMs));
    }

    [Fact]
    public void Download_speed_labels_are_the_upper_bounds()
    {
        var labels = Enum.GetValues<DownloadSpeedBucket>().Select(RequestClassification.DownloadSpeedLabel);

        Assert.Equal(["250K", "500K", "750K", "1M", "2M", "3M", "4M", "Other"], labels);
    }

    [Theory]
    [InlineData(0.0, LatencyBand.Under300)]
    [InlineData(299.999, LatencyBand.Under300)]
    [InlineData(300.0, LatencyBand.From300To600)]
    [InlineData(599.999, LatencyBand.From300To600)]
    [InlineData(600.0, LatencyBand.From600To1000)]
    [InlineData(999.999, LatencyBand.From600To1000)]
    [InlineData(1000.0, LatencyBand.AtLeast1000)]
    [InlineData(60000.0, LatencyBand.AtLeast1000)]
    public void Latency_band_lower_bounds_are_inclusive(double timeTakenMs, LatencyBand expected)
    {
        Assert.Equal(expected, RequestClassification.LatencyBand(timeTakenMs));
    }

    [Theory]
    [InlineData("0.299", LatencyBand.Under300)]
    [InlineData("0.3", LatencyBand.From300To600)]
    [InlineData("0.600", LatencyBand.From600To1000)]
    [InlineData("1.0", LatencyBand.AtLeast1000)]
    public void Parsed_time_taken_lands_exactly_on_the_band_thresholds(string timeTaken, LatencyBand expected)
    {
        var parser = new RealtimeLogParser(RealtimeLogFormat.Default);

        Assert.True(parser.TryParse(Lines.Default(("time-taken", timeTaken)), out var request, out _));
        Assert.Equal(expected, RequestClassification.LatencyBand(request.TimeTakenMs));
    }
}
