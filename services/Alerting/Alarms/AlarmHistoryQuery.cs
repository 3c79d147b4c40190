namespace CdnPulse.Alerting.Alarms;

/// <summary>DescribeAlarmHistory's filters; <see cref="NextToken"/> is the position of the last item of the previous page.</summary>
public sealed record AlarmHistoryQuery(
    string? AlarmName,
    string? HistoryItemType,
    DateTimeOffset? StartDate,
    DateTimeOffset? EndDate,
    bool Ascending,
    int MaxRecords,
    long? NextToken);
