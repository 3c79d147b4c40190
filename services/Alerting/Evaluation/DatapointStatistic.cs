using CdnPulse.Alerting.Alarms;

namespace CdnPulse.Alerting.Evaluation;

/// <summary>
/// How one period's minutes become its datapoint: a standard Statistic, or a percentile (ExtendedStatistic).
/// <see cref="Name"/> is how reason data names it (<c>Average</c>, <c>p99.9</c>).
/// </summary>
internal readonly record struct DatapointStatistic(AlarmStatistic? Standard, decimal? Percentile, string Name)
{
    public static implicit operator DatapointStatistic(AlarmStatistic statistic) => new(statistic, null, statistic.ToString());

    /// <summary>The statistic of a validated definition; null when it cannot be evaluated (a stored definition the parser would now refuse).</summary>
    public static DatapointStatistic? Of(AlarmDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Statistic is { } standard)
        {
            return standard;
        }
        return definition.ExtendedStatistic is { } text && ExtendedStatistics.TryParse(text, out var percent, out _)
            ? new DatapointStatistic(null, percent, text)
            : null;
    }

    public static DatapointStatistic Of(decimal percent, string text) => new(null, percent, text);
}
