namespace CdnPulse.Alerting.Apis;

public sealed record DescribeAlarmsResponse(IReadOnlyList<MetricAlarm> MetricAlarms, string? NextToken);
