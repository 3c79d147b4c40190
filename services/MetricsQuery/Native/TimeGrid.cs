namespace CdnPulse.MetricsQuery.Native;

/// <summary>
/// The points of a range [From, To) at an interval: every interval that overlaps the range, each with the length of
/// that overlap (the first and last may be partial), so rates such as bandwidth divide by the time actually covered.
/// </summary>
internal sealed class TimeGrid
{
    private readonly Dictionary<DateTimeOffset, int> _index = [];

    public TimeGrid(DateTimeOffset from, DateTimeOffset to, NativeInterval interval)
    {
        From = from;
        To = to;
        Interval = interval;
        var starts = new List<(DateTimeOffset, TimeSpan)>();
        for (var start = interval.StartOf(from, from); start < to; start += interval.Length ?? (to - from))
        {
            var end = interval.Length is { } length ? start + length : to;
            var covered = (end < to ? end : to) - (start > from ? start : from);
            _index[start] = starts.Count;
            starts.Add((start, covered));
        }
        Points = starts;
    }

    public DateTimeOffset From { get; }

    public DateTimeOffset To { get; }

    public NativeInterval Interval { get; }

    /// <summary>Each point's start and the time it covers within the range.</summary>
    public IReadOnlyList<(DateTimeOffset Start, TimeSpan Covered)> Points { get; }

    public TimeSpan Range => To - From;

    /// <summary>The point that holds a minute of data starting at <paramref name="minute"/>.</summary>
    public int IndexOf(DateTimeOffset minute) => _index[Interval.StartOf(minute, From)];
}
