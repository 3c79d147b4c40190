namespace CdnPulse.Aggregation.Options;

/// <summary>How long windows stay open to late lines (section "Aggregation").</summary>
public sealed class AggregationOptions
{
    public const string SectionName = "Aggregation";

    /// <summary>
    /// A line is folded while its window starts no earlier than now minus this many days; older lines are counted as
    /// dropped-too-late (metric, log and <c>metrics.dropped_late_lines</c>). The reference kept its logs 120 days.
    /// </summary>
    public int RetentionDays { get; set; } = 120;
}
