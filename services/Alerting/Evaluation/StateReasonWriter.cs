using System.Text.Json.Nodes;
using CdnPulse.Alerting.Alarms;

namespace CdnPulse.Alerting.Evaluation;

/// <summary>
/// Words an <see cref="AlarmDecision"/> the way CloudWatch does ("Threshold Crossed: 1 out of the last 1 datapoints
/// [99.5 (02/10/19 16:59:00)] was greater than the threshold (50.0) (minimum 1 datapoint for OK -> ALARM
/// transition).") and adds the reason data JSON. Datapoints are listed newest first, as CloudWatch lists them.
/// </summary>
public static class StateReasonWriter
{
    public static StateReason Write(AlarmDecision decision, AlarmRule rule, AlarmStateValue oldState, IReadOnlyList<PeriodDatapoint> range,
        string statistic, int periodSeconds, DateTimeOffset queryDate)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(range);
        return new StateReason(Text(decision, rule, oldState), Data(decision, rule, range, statistic, periodSeconds, queryDate));
    }

    private static string Text(AlarmDecision d, AlarmRule rule, AlarmStateValue oldState)
    {
        var n = rule.EvaluationPeriods;
        var threshold = $"the threshold ({CloudWatchFormat.Number(rule.Threshold)})";
        var op = Phrase(rule.ComparisonOperator);
        var breaching = d.Evaluated.Where(p => rule.IsBreaching(p.Value!.Value)).ToList();
        var clear = d.Evaluated.Where(p => !rule.IsBreaching(p.Value!.Value)).ToList();
        var transition = d.State == AlarmStateValue.Alarm
            ? $"(minimum {Count(rule.DatapointsToAlarm, "datapoint")} for {oldState.Text()} -> ALARM transition)"
            : $"(minimum {Count(n - rule.DatapointsToAlarm + 1, "datapoint")} for {oldState.Text()} -> {d.State.Text()} transition)";
        var treatedAs = rule.TreatMissingData == TreatMissingData.Breaching ? "[Breaching]" : "[NotBreaching]";
        switch (d.Outcome)
        {
            case EvaluationOutcome.Compared when d.State == AlarmStateValue.Alarm:
                return $"Threshold Crossed: {breaching.Count} out of the last {n} datapoints {List(breaching)} {Was(breaching.Count)} {op} {threshold} {transition}.";
            case EvaluationOutcome.Compared:
                return $"Threshold Crossed: {clear.Count} out of the last {n} datapoints {List(clear)} {Was(clear.Count)} not {op} {threshold} {transition}.";
            case EvaluationOutcome.Filled when d.Evaluated.Count == 0:
                return $"Threshold Crossed: no datapoints were received for {Count(n, "period")} and {Count(d.Filled, "missing datapoint")} {Was(d.Filled)} treated as {treatedAs} {transition}.";
            case EvaluationOutcome.Filled:
                var verdict = d.State == AlarmStateValue.Alarm ? op : "not " + op;
                var counted = d.State == AlarmStateValue.Alarm ? d.Breaching : n - d.Breaching;
                return $"Threshold Crossed: {counted} out of the last {n} datapoints {Was(counted)} {verdict} {threshold}: "
                    + $"{Count(d.Evaluated.Count, "datapoint")} {List(d.Evaluated)} and {Count(d.Filled, "missing datapoint")} treated as {treatedAs} {transition}.";
            case EvaluationOutcome.RealDatapointsOnly when d.State == AlarmStateValue.Alarm:
                return $"Threshold Crossed: {Count(breaching.Count, "datapoint")} {List(breaching)} {Was(breaching.Count)} {op} {threshold}; "
                    + $"{Count(d.Filled, "missing datapoint")} {Was(d.Filled)} not evaluated {transition}.";
            case EvaluationOutcome.RealDatapointsOnly:
                return $"Threshold Crossed: {Count(clear.Count, "datapoint")} {List(clear)} {Was(clear.Count)} not {op} {threshold}; "
                    + $"{Count(d.Filled, "missing datapoint")} {Was(d.Filled)} not evaluated {transition}.";
            case EvaluationOutcome.OldestBreachingOldEnough:
                return $"Threshold Crossed: {Count(breaching.Count, "datapoint")} {List(breaching)} {Was(breaching.Count)} {op} {threshold} and no datapoint "
                    + $"was received since; the oldest breaching datapoint is at least {Count(rule.DatapointsToAlarm, "period")} old {transition}.";
            default:
                var known = d.Evaluated.Count == 0 ? "" : $"; {Count(d.Evaluated.Count, "datapoint")} {List(d.Evaluated)} {Was(d.Evaluated.Count)} {op} {threshold}";
                return $"Insufficient Data: {Count(d.Filled, "datapoint")} {Was(d.Filled)} unknown{known}.";
        }
    }

    private static string Data(AlarmDecision d, AlarmRule rule, IReadOnlyList<PeriodDatapoint> range, string statistic, int periodSeconds, DateTimeOffset queryDate)
    {
        var evaluated = new JsonArray();
        foreach (var point in d.Evaluated.Reverse())
        {
            evaluated.Add(new JsonObject
            {
                ["timestamp"] = CloudWatchFormat.Timestamp(point.Start),
                ["sampleCount"] = (double)point.SampleCount,
                ["value"] = point.Value,
            });
        }
        var data = new JsonObject
        {
            ["version"] = "1.0",
            ["queryDate"] = CloudWatchFormat.Timestamp(queryDate),
            ["startDate"] = range.Count > 0 ? CloudWatchFormat.Timestamp(range[0].Start) : null,
            ["statistic"] = statistic,
            ["period"] = periodSeconds,
            ["recentDatapoints"] = new JsonArray(range.Where(p => !p.IsMissing).Select(p => (JsonNode?)p.Value!.Value).ToArray()),
            ["threshold"] = rule.Threshold,
            ["evaluatedDatapoints"] = evaluated,
        };
        return data.ToJsonString();
    }

    private static string List(IEnumerable<PeriodDatapoint> datapoints) =>
        "[" + string.Join(", ", datapoints.Reverse().Select(p => $"{CloudWatchFormat.Number(p.Value!.Value)} ({CloudWatchFormat.ReasonTime(p.Start)})")) + "]";

    private static string Was(int count) => count == 1 ? "was" : "were";

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string Phrase(ComparisonOperator op) => op switch
    {
        ComparisonOperator.GreaterThanOrEqualToThreshold => "greater than or equal to",
        ComparisonOperator.GreaterThanThreshold => "greater than",
        ComparisonOperator.LessThanThreshold => "less than",
        _ => "less than or equal to",
    };
}
