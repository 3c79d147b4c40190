namespace CdnPulse.LoadGen.Traffic;

/// <summary>
/// Ranks 1..N with P(k) proportional to 1/k^s: a few objects take most requests, as on every CDN (s ≈ 0.7-1.2).
/// Sampling inverts the exact cumulative distribution, so the shape holds for any N up to a few million.
/// </summary>
public sealed class ZipfSampler
{
    public const int MaxRanks = 5_000_000;

    private readonly double[] _cumulative;

    public ZipfSampler(int ranks, double exponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ranks, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ranks, MaxRanks);
        if (!double.IsFinite(exponent) || exponent < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(exponent), exponent, "The Zipf exponent must be a finite number >= 0.");
        }

        Exponent = exponent;
        _cumulative = new double[ranks];
        var sum = 0.0;
        for (var k = 1; k <= ranks; k++)
        {
            sum += Math.Pow(k, -exponent);
            _cumulative[k - 1] = sum;
        }
    }

    public int Ranks => _cumulative.Length;

    public double Exponent { get; }

    /// <summary>The exact probability of rank <paramref name="rank"/> (1-based).</summary>
    public double Probability(int rank)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rank, Ranks);
        return Math.Pow(rank, -Exponent) / _cumulative[^1];
    }

    /// <summary>A rank, 1-based.</summary>
    public int Sample(SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var target = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, _cumulative.Length - 1) + 1;
    }
}
