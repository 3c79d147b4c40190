namespace CdnPulse.Metrics;

/// <summary>Lines of one domain that Aggregation refused because their window is older than the retention.</summary>
public sealed class DroppedLines
{
    public long Lines { get; private set; }

    public long OldestMinuteMs { get; private set; } = long.MaxValue;

    public long NewestMinuteMs { get; private set; } = long.MinValue;

    public void Add(long minuteMs)
    {
        Lines++;
        OldestMinuteMs = Math.Min(OldestMinuteMs, minuteMs);
        NewestMinuteMs = Math.Max(NewestMinuteMs, minuteMs);
    }
}
