namespace CdnPulse.MetricsQuery.Queries;

/// <summary>A roll-up interval of the compatible API: 1min, 5min (default), 1h or 1d, aligned to the Unix epoch.</summary>
internal readonly record struct MetricInterval(string Label, TimeSpan Length)
{
    public static readonly MetricInterval Default = new("5min", TimeSpan.FromMinutes(5));

    private static readonly MetricInterval[] Known =
    [
        new("1min", TimeSpan.FromMinutes(1)), Default, new("1h", TimeSpan.FromHours(1)), new("1d", TimeSpan.FromDays(1)),
    ];

    public static IReadOnlyList<string> Labels => Known.Select(k => k.Label).ToArray();

    public static bool TryParse(string? text, out MetricInterval interval)
    {
        interval = Default;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        foreach (var known in Known)
        {
            if (string.Equals(known.Label, text, StringComparison.OrdinalIgnoreCase))
            {
                interval = known;
                return true;
            }
        }
        return false;
    }

    /// <summary>Start of the interval that holds <paramref name="time"/>.</summary>
    public DateTimeOffset StartOf(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % Length.Ticks), TimeSpan.Zero);

    /// <summary>End of the interval that holds the minute starting at <paramref name="minuteStart"/>.</summary>
    public DateTimeOffset EndOf(DateTimeOffset minuteStart)
    {
        var ticks = minuteStart.UtcTicks - (minuteStart.UtcTicks % Length.Ticks);
        return new DateTimeOffset(ticks, TimeSpan.Zero) + Length;
    }
}
