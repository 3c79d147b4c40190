namespace CdnPulse.Alerting.Apis;

/// <summary>A dimension as DescribeAlarms returns it.</summary>
public sealed record MetricAlarmDimension(string Name, string Value);
