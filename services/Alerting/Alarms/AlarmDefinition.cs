namespace CdnPulse.Alerting.Alarms;

/// <summary>
/// An alarm's configuration, with CloudWatch PutMetricAlarm's field names. Validated by
/// <see cref="Apis.PutMetricAlarmParser"/>; stored in the alarm's created/updated events.
/// </summary>
public sealed record AlarmDefinition
{
    public required string AlarmName { get; init; }

    public string? AlarmDescription { get; init; }

    public required string MetricName { get; init; }

    public required IReadOnlyList<AlarmDimension> Dimensions { get; init; }

    /// <summary>Set when the alarm uses a standard statistic; null when it uses <see cref="ExtendedStatistic"/>.</summary>
    public AlarmStatistic? Statistic { get; init; }

    /// <summary>A percentile such as <c>p99</c>; null when the alarm uses <see cref="Statistic"/>.</summary>
    public string? ExtendedStatistic { get; init; }

    /// <summary>Seconds, a multiple of 60.</summary>
    public required int Period { get; init; }

    public required int EvaluationPeriods { get; init; }

    public required int DatapointsToAlarm { get; init; }

    public required double Threshold { get; init; }

    public required ComparisonOperator ComparisonOperator { get; init; }

    public TreatMissingData TreatMissingData { get; init; } = TreatMissingData.Missing;

    public bool ActionsEnabled { get; init; } = true;

    public IReadOnlyList<string> AlarmActions { get; init; } = [];

    public IReadOnlyList<string> OKActions { get; init; } = [];

    public IReadOnlyList<string> InsufficientDataActions { get; init; } = [];

    public string Domain => Dimension(AlarmDimension.Domain) ?? throw new InvalidOperationException($"Alarm '{AlarmName}' has no Domain dimension.");

    public string? Country => Dimension(AlarmDimension.Country);

    /// <summary>The subscription targets to notify on entering <paramref name="state"/>.</summary>
    public IReadOnlyList<string> ActionsFor(AlarmStateValue state) => state switch
    {
        AlarmStateValue.Alarm => AlarmActions,
        AlarmStateValue.Ok => OKActions,
        _ => InsufficientDataActions,
    };

    private string? Dimension(string name) => Dimensions.FirstOrDefault(d => d.Name == name)?.Value;
}
