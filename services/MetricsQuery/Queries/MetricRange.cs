namespace CdnPulse.MetricsQuery.Queries;

/// <summary>
/// The minutes a request covers: those of every interval whose end lies in [StartTime, EndTime] (the reference's
/// inclusive range over window ends), i.e. [<see cref="FirstMinute"/>, <see cref="EndMinute"/>).
/// </summary>
internal readonly record struct MetricRange(DateTimeOffset FirstMinute, DateTimeOffset EndMinute)
{
    public static MetricRange Of(DateTimeOffset start, DateTimeOffset end, MetricInterval interval)
    {
        var firstEnd = interval.EndOf(start - TimeSpan.FromTicks(1));
        var lastEnd = interval.StartOf(end);
        return new MetricRange(firstEnd - interval.Length, lastEnd < firstEnd ? firstEnd - interval.Length : lastEnd);
    }

    public bool IsEmpty => EndMinute <= FirstMinute;
}
