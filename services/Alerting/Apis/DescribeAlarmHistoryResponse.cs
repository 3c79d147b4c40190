namespace CdnPulse.Alerting.Apis;

public sealed record DescribeAlarmHistoryResponse(IReadOnlyList<AlarmHistoryEntry> AlarmHistoryItems, string? NextToken);
