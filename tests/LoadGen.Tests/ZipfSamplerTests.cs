using CdnPulse.LoadGen.Traffic;

namespace CdnPulse.LoadGen.Tests;

public sealed class ZipfSamplerTests
{
    private const int Samples = 400_000;

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.8)]
    [InlineData(1.2)]
    public void Sampled_frequencies_follow_a_power_law_with_the_exponent(double exponent)
    {
        var counts = Sample(new ZipfSampler(1_000, exponent), Samples);

        // Least-squares slope of log(count) over log(rank) for the well-populated head.
        var points = Enumerable.Range(1, 50).Select(rank => (X: Math.Log(rank), Y: Math.Log(counts[rank]))).ToList();
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var slope = points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / points.Sum(p => (p.X - meanX) * (p.X - meanX));
        Assert.InRange(slope, -exponent - 0.08, -exponent + 0.08);
    }

    [Fact]
    public void Rank_one_is_drawn_as_often_as_its_exact_probability_says()
    {
        var sampler = new ZipfSampler(10_000, 1.0);
        var counts = Sample(sampler, Samples);

        foreach (var rank in new[] { 1, 2, 10, 100 })
        {
            var expected = sampler.Probability(rank) * Samples;
            Assert.InRange(counts[rank], expected - (5 * Math.Sqrt(expected)), expected + (5 * Math.Sqrt(expected)));
        }

        Assert.InRange(counts[1] / (double)counts[2], 1.85, 2.15);
    }

    [Fact]
    public void Exponent_zero_is_uniform_and_every_rank_is_reachable()
    {
        var counts = Sample(new ZipfSampler(20, 0), 200_000);

        Assert.All(Enumerable.Range(1, 20), rank => Assert.InRange(counts[rank], 9_300, 10_700));
        Assert.Equal(0, counts[0]);
    }

    [Fact]
    public void Probabilities_add_up_to_one()
    {
        var sampler = new ZipfSampler(5_000, 1.1);

        Assert.Equal(1.0, Enumerable.Range(1, 5_000).Sum(sampler.Probability), 9);
    }

    private static int[] Sample(ZipfSampler sampler, int samples)
    {
        var random = new SeededRandom(12345);
        var counts = new int[sampler.Ranks + 1];
        for (var i = 0; i < samples; i++)
        {
            counts[sampler.Sample(random)]++;
        }

        return counts;
    }
}
