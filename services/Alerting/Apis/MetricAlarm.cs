using CdnPulse.Alerting.Alarms;
using CdnPulse.Alerting.Evaluation;

namespace CdnPulse.Alerting.Apis;

/// <summary>An alarm as DescribeAlarms returns it (CloudWatch's MetricAlarm fields), plus the stream version.</summary>
public sealed record MetricAlarm(
    string AlarmName,
    string? AlarmDescription,
    string AlarmConfigurationUpdatedTimestamp,
    bool ActionsEnabled,
    IReadOnlyList<string> OKActions,
    IReadOnlyList<string> AlarmActions,
    IReadOnlyList<string> InsufficientDataActions,
    string StateValue,
    string StateReason,
    string? StateReasonData,
    string StateUpdatedTimestamp,
    string MetricName,
    string Namespace,
    string? Statistic,
    string? ExtendedStatistic,
    IReadOnlyList<MetricAlarmDimension> Dimensions,
    int Period,
    int EvaluationPeriods,
    int DatapointsToAlarm,
    double Threshold,
    string ComparisonOperator,
    string TreatMissingData,
    long Version)
{
    public static MetricAlarm From(AlarmRow row)
    {
        var d = row.Definition;
        return new MetricAlarm(d.AlarmName, d.AlarmDescription, CloudWatchFormat.Timestamp(row.ConfigurationUpdatedAt), d.ActionsEnabled,
            d.OKActions, d.AlarmActions, d.InsufficientDataActions, row.State.Text(), row.StateReason, row.StateReasonData,
            CloudWatchFormat.Timestamp(row.StateUpdatedAt), d.MetricName, PutMetricAlarmParser.Namespace, d.Statistic?.ToString(),
            d.ExtendedStatistic, d.Dimensions.Select(x => new MetricAlarmDimension(x.Name, x.Value)).ToList(), d.Period, d.EvaluationPeriods,
            d.DatapointsToAlarm, d.Threshold, d.ComparisonOperator.ToString(), TreatMissing(d.TreatMissingData), row.Version);
    }

    private static string TreatMissing(Alarms.TreatMissingData value) => value switch
    {
        Alarms.TreatMissingData.NotBreaching => "notBreaching",
        Alarms.TreatMissingData.Breaching => "breaching",
        Alarms.TreatMissingData.Ignore => "ignore",
        _ => "missing",
    };
}
