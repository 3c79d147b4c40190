namespace CdnPulse.LoadGen.Traffic;

/// <summary>
/// xoshiro256** seeded through SplitMix64. The sequence depends on the seed alone, on every runtime and platform,
/// which <see cref="Random"/> does not promise; the load generator's output is only reproducible because of that.
/// Not thread-safe: one instance per generator.
/// </summary>
public sealed class SeededRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public SeededRandom(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>An independent generator for a named purpose, so adding draws to one stream never shifts another.</summary>
    public static SeededRandom ForStream(ulong seed, ulong stream) => new(seed ^ (stream * 0x9E3779B97F4A7C15UL) ^ 0xD1B54A32D192ED03UL);

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1), 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>) by multiply-shift (bias below 2^-32 for any int bound).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)Math.BigMul(NextUInt64(), (ulong)maxExclusive, out _);
    }

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="maxInclusive"/>].</summary>
    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>) for 128-bit bounds (IPv6 ranges).</summary>
    public UInt128 Next(UInt128 maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(maxExclusive, UInt128.Zero);
        var random = new UInt128(NextUInt64(), NextUInt64());
        return random % maxExclusive;
    }

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Standard normal by the polar method (only log and sqrt, no trigonometry).</summary>
    public double Normal()
    {
        while (true)
        {
            var u = (2 * NextDouble()) - 1;
            var v = (2 * NextDouble()) - 1;
            var s = (u * u) + (v * v);
            if (s is > 0 and < 1)
            {
                return u * Math.Sqrt(-2 * Math.Log(s) / s);
            }
        }
    }

    /// <summary>Log-normal with the given median and shape: most values near the median, a long right tail.</summary>
    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    /// <summary>Pareto with minimum <paramref name="scale"/> and tail index <paramref name="alpha"/> (smaller = heavier tail).</summary>
    public double Pareto(double scale, double alpha) => scale / Math.Pow(1 - NextDouble(), 1 / alpha);

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
