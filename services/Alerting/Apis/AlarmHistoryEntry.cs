namespace CdnPulse.Alerting.Apis;

/// <summary>An item as DescribeAlarmHistory returns it; HistoryData is a JSON string, as in CloudWatch.</summary>
public sealed record AlarmHistoryEntry(
    string AlarmName,
    string AlarmType,
    string Timestamp,
    string HistoryItemType,
    string HistorySummary,
    string HistoryData,
    long Version);
