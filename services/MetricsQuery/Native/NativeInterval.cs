namespace CdnPulse.MetricsQuery.Native;

/// <summary>
/// A native roll-up interval: 1m, 5m, 15m, 1h, 6h or 1d (aligned to the Unix epoch), or <c>total</c> (one point for
/// the whole range). Without one, the API picks the smallest that gives at most <see cref="AutoPoints"/> points.
/// </summary>
internal readonly record struct NativeInterval(string Label, TimeSpan? Length)
{
    public const int AutoPoints = 600;

    public static readonly NativeInterval Total = new("total", null);

    private static readonly NativeInterval[] Fixed =
    [
        new("1m", TimeSpan.FromMinutes(1)), new("5m", TimeSpan.FromMinutes(5)), new("15m", TimeSpan.FromMinutes(15)),
        new("1h", TimeSpan.FromHours(1)), new("6h", TimeSpan.FromHours(6)), new("1d", TimeSpan.FromDays(1)),
    ];

    public static IReadOnlyList<string> Labels { get; } = [.. Fixed.Select(f => f.Label), Total.Label];

    public static bool TryParse(string text, out NativeInterval interval)
    {
        // The compatible API's spellings (1min, 5min) are accepted too.
        var normalized = text.EndsWith("min", StringComparison.OrdinalIgnoreCase) ? text[..^2] : text;
        foreach (var candidate in Fixed.Append(Total))
        {
            if (string.Equals(candidate.Label, normalized, StringComparison.OrdinalIgnoreCase))
            {
                interval = candidate;
                return true;
            }
        }
        interval = default;
        return false;
    }

    public static NativeInterval Auto(TimeSpan range) =>
        Fixed.FirstOrDefault(f => range.Ticks / f.Length!.Value.Ticks <= AutoPoints, Fixed[^1]);

    /// <summary>Start of the interval holding <paramref name="time"/> (the range start for <see cref="Total"/>).</summary>
    public DateTimeOffset StartOf(DateTimeOffset time, DateTimeOffset rangeStart) =>
        Length is { } length ? new DateTimeOffset(time.UtcTicks - (time.UtcTicks % length.Ticks), TimeSpan.Zero) : rangeStart;
}
