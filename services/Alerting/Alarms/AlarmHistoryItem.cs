namespace CdnPulse.Alerting.Alarms;

/// <summary>One item of an alarm's history, as DescribeAlarmHistory returns it (HistoryData is a JSON string).</summary>
public sealed record AlarmHistoryItem(
    long Position,
    string AlarmName,
    long Version,
    DateTimeOffset Timestamp,
    string HistoryItemType,
    string HistorySummary,
    string HistoryData);
