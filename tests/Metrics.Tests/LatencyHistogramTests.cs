using System.Text.Json;

namespace CdnPulse.Metrics.Tests;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Buckets_tile_the_values_without_gaps_or_overlaps()
    {
        var previous = -1;
        for (long v = 0; v < 300_000; v++)
        {
            var index = LatencyHistogram.BucketOf(v);
            var lower = LatencyHistogram.LowerBound(index);
            Assert.InRange(v, lower, lower + LatencyHistogram.Width(index) - 1);
            Assert.True(index == previous || index == previous + 1, $"bucket of {v} jumps from {previous} to {index}");
            previous = index;
        }
    }

    [Theory]
    [InlineData(127L)]
    [InlineData(128L)]
    [InlineData(1_000L)]
    [InlineData(1_000_000L)]
    [InlineData(3_600_000_000L)]
    [InlineData(long.MaxValue)]
    public void Every_value_lies_in_its_bucket_and_its_midpoint_is_within_one_in_128(long value)
    {
        var index = LatencyHistogram.BucketOf(value);
        var lower = LatencyHistogram.LowerBound(index);
        Assert.InRange(value, lower, lower + (LatencyHistogram.Width(index) - 1));
        Assert.True(Math.Abs(LatencyHistogram.Midpoint(index) - value) <= value / 128.0, $"midpoint {LatencyHistogram.Midpoint(index)} of {value}");
    }

    [Fact]
    public void Small_values_are_exact_and_negative_values_count_as_zero()
    {
        Assert.Equal(0, LatencyHistogram.BucketOf(-5));
        Assert.Equal(127, LatencyHistogram.BucketOf(127));
        Assert.Equal(127.0, LatencyHistogram.Midpoint(127));
        Assert.Equal(130.5, LatencyHistogram.Midpoint(LatencyHistogram.BucketOf(131))); // [130, 131]
    }

    [Fact]
    public void Percentiles_are_within_the_documented_bound_of_the_exact_nearest_rank_value()
    {
        var random = new Random(7);
        foreach (var n in new[] { 1, 2, 3, 10, 99, 100, 101, 1_000, 54_321 })
        {
            var values = Enumerable.Range(0, n).Select(_ => LogNormalMicroseconds(random)).ToList();
            var histogram = Histogram(values);
            values.Sort();
            foreach (var percent in new[] { 1, 50, 90, 99, 100 })
            {
                var exact = values[(int)Math.Ceiling(n * percent / 100.0) - 1];
                var estimate = histogram.Percentile(percent)!.Value;
                Assert.True(Math.Abs(estimate - exact) <= exact / 128.0, $"p{percent} of {n}: {estimate} vs exact {exact}");
            }
        }
    }

    [Fact]
    public void Fractional_percents_take_the_nearest_rank_and_whole_ones_match_the_int_overload()
    {
        // 999 values of 10 µs and one of 100 µs (exact buckets): rank ⌈99.9·1000/100⌉ = 999, ⌈99.95·1000/100⌉ = 1000.
        var histogram = Histogram([.. Enumerable.Repeat(10L, 999), 100L]);
        Assert.Equal(10.0, histogram.Percentile(99.9m));
        Assert.Equal(100.0, histogram.Percentile(99.95m));
        Assert.Equal(100.0, histogram.Percentile(99.91m));
        Assert.Equal(10.0, histogram.Percentile(0m)); // rank at least 1
        Assert.Null(new LatencyHistogram().Percentile(99.9m));
        Assert.Throws<ArgumentOutOfRangeException>(() => histogram.Percentile(-0.01m));
        Assert.Throws<ArgumentOutOfRangeException>(() => histogram.Percentile(100.01m));

        var random = new Random(3);
        var values = Enumerable.Range(0, 4321).Select(_ => LogNormalMicroseconds(random)).ToList();
        var mixed = Histogram(values);
        values.Sort();
        for (var percent = 1; percent <= 100; percent++)
        {
            Assert.Equal(mixed.Percentile(percent), mixed.Percentile((decimal)percent));
        }
        foreach (var percent in new[] { 0.1m, 12.34m, 99.5m, 99.9m, 99.99m })
        {
            var exact = values[(int)Math.Ceiling(values.Count * percent / 100m) - 1];
            var estimate = mixed.Percentile(percent)!.Value;
            Assert.True(Math.Abs(estimate - exact) <= exact / 128.0, $"p{percent}: {estimate} vs exact {exact}");
        }
    }

    [Fact]
    public void An_empty_histogram_has_no_percentile()
    {
        Assert.Null(new LatencyHistogram().Percentile(50));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyHistogram().Percentile(0));
    }

    [Fact]
    public void Merges_are_associative_and_independent_of_order()
    {
        var random = new Random(11);
        var parts = Enumerable.Range(0, 6).Select(_ => Enumerable.Range(0, random.Next(0, 500)).Select(_ => LogNormalMicroseconds(random)).ToList()).ToList();
        var whole = Json(Histogram(parts.SelectMany(p => p)));

        var leftToRight = new LatencyHistogram();
        parts.ForEach(p => leftToRight.Merge(Histogram(p)));
        var rightToLeft = new LatencyHistogram();
        Enumerable.Reverse(parts).ToList().ForEach(p => rightToLeft.Merge(Histogram(p)));
        var (a, b) = (Histogram(parts[0]), Histogram(parts[1]));
        a.Merge(b);
        var (c, d) = (Histogram(parts[2]), Histogram(parts[3]));
        c.Merge(Histogram(parts[4]));
        c.Merge(Histogram(parts[5]));
        d.Merge(c);
        a.Merge(d);

        Assert.Equal(whole, Json(leftToRight));
        Assert.Equal(whole, Json(rightToLeft));
        Assert.Equal(whole, Json(a));
    }

    [Fact]
    public void Json_is_a_flat_array_of_bucket_steps_and_counts_that_round_trips()
    {
        var histogram = Histogram([5, 5, 7, 1_000, 1_000, 1_003]);
        Assert.Equal("[5,2,2,1,310,3]", Json(histogram));
        var back = JsonSerializer.Deserialize<LatencyHistogram>(Json(histogram), MetricsJson.Options)!;
        Assert.Equal(6, back.Count);
        Assert.Equal(Json(histogram), Json(back));
        Assert.Equal("[]", Json(new LatencyHistogram()));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<LatencyHistogram>("[5,1,0,1]", MetricsJson.Options));
    }

    private static long LogNormalMicroseconds(Random random)
    {
        // Box-Muller: a log-normal around 50 ms with a long tail, in whole milliseconds as CloudFront logs them.
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return (long)Math.Round(Math.Exp(Math.Log(50) + (1.2 * normal))) * 1000;
    }

    private static LatencyHistogram Histogram(IEnumerable<long> values)
    {
        var histogram = new LatencyHistogram();
        foreach (var value in values)
        {
            histogram.Add(value);
        }
        return histogram;
    }

    private static string Json(LatencyHistogram histogram) => JsonSerializer.Serialize(histogram, MetricsJson.Options);

    [Fact]
    public void A_dense_copy_gives_the_same_percentiles_and_every_bucket_fits_it()
    {
        Assert.Equal(LatencyHistogram.MaxBuckets - 1, LatencyHistogram.BucketOf(long.MaxValue));
        var random = new Random(7);
        var histogram = new LatencyHistogram();
        for (var i = 0; i < 5000; i++)
        {
            histogram.Add((long)Math.Pow(2, 40 * random.NextDouble()));
        }
        var dense = new long[LatencyHistogram.MaxBuckets];
        histogram.AddTo(dense);
        histogram.AddTo(dense);
        var doubled = new LatencyHistogram();
        doubled.Merge(histogram);
        doubled.Merge(histogram);

        foreach (var percent in new[] { 1, 50, 90, 99, 100 })
        {
            Assert.Equal(doubled.Percentile(percent), LatencyHistogram.Percentile(dense, doubled.Count, percent));
        }
        Assert.Null(LatencyHistogram.Percentile(new long[LatencyHistogram.MaxBuckets], 0, 50));
    }
}
