namespace CdnPulse.Alerting.Alarms;

/// <summary>DescribeAlarms' filters; <see cref="NextToken"/> is the last alarm name of the previous page.</summary>
public sealed record AlarmQuery(
    IReadOnlyList<string> AlarmNames,
    string? AlarmNamePrefix,
    AlarmStateValue? StateValue,
    string? ActionPrefix,
    int MaxRecords,
    string? NextToken);
