using System.Text.Json.Nodes;
using CdnPulse.Alerting.Alarms;
using CdnPulse.Alerting.Evaluation;

namespace CdnPulse.Alerting.Notifications;

/// <summary>
/// The webhook body: the JSON CloudWatch puts in the Message of its SNS alarm notification, so receivers written for
/// CloudWatch alarms parse it unchanged. Built once per state change; every attempt sends (and signs) the same text.
/// </summary>
public static class AlarmNotification
{
    public static string Build(AlarmDefinition definition, DateTimeOffset configurationUpdatedAt, AlarmStateChange change)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(change);
        var body = new JsonObject
        {
            ["AlarmName"] = definition.AlarmName,
            ["AlarmDescription"] = definition.AlarmDescription,
            ["AlarmConfigurationUpdatedTimestamp"] = CloudWatchFormat.Timestamp(configurationUpdatedAt),
            ["NewStateValue"] = change.NewState.Text(),
            ["NewStateReason"] = change.Reason,
            ["StateChangeTime"] = CloudWatchFormat.Timestamp(change.At),
            ["OldStateValue"] = change.OldState.Text(),
            ["OKActions"] = Strings(definition.OKActions),
            ["AlarmActions"] = Strings(definition.AlarmActions),
            ["InsufficientDataActions"] = Strings(definition.InsufficientDataActions),
            ["Trigger"] = new JsonObject
            {
                ["MetricName"] = definition.MetricName,
                ["Namespace"] = "CdnPulse",
                ["StatisticType"] = definition.Statistic is null ? "ExtendedStatistic" : "Statistic",
                ["Statistic"] = Statistic(definition.Statistic),
                ["ExtendedStatistic"] = definition.ExtendedStatistic,
                ["Unit"] = null,
                ["Dimensions"] = new JsonArray(definition.Dimensions
                    .Select(d => (JsonNode)new JsonObject { ["value"] = d.Value, ["name"] = d.Name }).ToArray()),
                ["Period"] = definition.Period,
                ["EvaluationPeriods"] = definition.EvaluationPeriods,
                ["DatapointsToAlarm"] = definition.DatapointsToAlarm,
                ["ComparisonOperator"] = definition.ComparisonOperator.ToString(),
                ["Threshold"] = definition.Threshold,
                ["TreatMissingData"] = TreatMissing(definition.TreatMissingData),
                ["EvaluateLowSampleCountPercentile"] = "",
            },
        };
        return body.ToJsonString();
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());

    /// <summary>SNS notifications spell statistics in upper snake case (AVERAGE, SAMPLE_COUNT).</summary>
    private static string? Statistic(AlarmStatistic? statistic) => statistic switch
    {
        null => null,
        AlarmStatistic.SampleCount => "SAMPLE_COUNT",
        var s => s.Value.ToString().ToUpperInvariant(),
    };

    private static string TreatMissing(TreatMissingData value) => value switch
    {
        TreatMissingData.NotBreaching => "notBreaching",
        TreatMissingData.Breaching => "breaching",
        TreatMissingData.Ignore => "ignore",
        _ => "missing",
    };
}
