using CdnPulse.Alerting.Alarms;

namespace CdnPulse.Alerting.Evaluation;

/// <summary>
/// CloudWatch's alarm evaluation, as pure code. The input is the evaluation range (the most recent
/// <see cref="AlarmRule.EvaluationRange"/> periods, oldest first, missing ones as null values):
/// <list type="bullet">
/// <item>At least EvaluationPeriods (N) real datapoints: the most recent N real ones are compared, missing ones are
/// not needed; ALARM when at least DatapointsToAlarm (M) breach, otherwise OK.</item>
/// <item>Fewer: every real datapoint takes part and the N − real missing ones are filled ("as few times as
/// possible") per TreatMissingData. <c>breaching</c> and <c>notBreaching</c> fill them so; <c>missing</c> and
/// <c>ignore</c> leave them out: M breaching real ones still alarm, a non-breaching real one makes it OK, and
/// otherwise <c>missing</c> gives INSUFFICIENT_DATA while <c>ignore</c> keeps the current state.</item>
/// <item>One more documented case of <c>missing</c>: when the only real datapoints breach and the oldest of them is
/// at least M periods old (everything since is missing), the alarm goes to ALARM (AWS knowledge center,
/// "Why did my CloudWatch alarm send me a notification after a single breached data point?").</item>
/// </list>
/// </summary>
public static class AlarmEvaluator
{
    public static AlarmDecision Evaluate(AlarmRule rule, IReadOnlyList<PeriodDatapoint> range, AlarmStateValue current)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(range);
        var n = rule.EvaluationPeriods;
        var m = rule.DatapointsToAlarm;
        var real = range.Where(d => !d.IsMissing).ToList();

        if (real.Count >= n)
        {
            var evaluated = real.Skip(real.Count - n).ToList();
            var breaching = evaluated.Count(d => rule.IsBreaching(d.Value!.Value));
            return new AlarmDecision(breaching >= m ? AlarmStateValue.Alarm : AlarmStateValue.Ok, EvaluationOutcome.Compared, evaluated, breaching, 0);
        }

        var filled = n - real.Count;
        var realBreaching = real.Count(d => rule.IsBreaching(d.Value!.Value));
        switch (rule.TreatMissingData)
        {
            case TreatMissingData.Breaching:
                return new AlarmDecision(realBreaching + filled >= m ? AlarmStateValue.Alarm : AlarmStateValue.Ok,
                    EvaluationOutcome.Filled, real, realBreaching + filled, filled);
            case TreatMissingData.NotBreaching:
                return new AlarmDecision(realBreaching >= m ? AlarmStateValue.Alarm : AlarmStateValue.Ok,
                    EvaluationOutcome.Filled, real, realBreaching, filled);
        }

        if (realBreaching >= m)
        {
            return new AlarmDecision(AlarmStateValue.Alarm, EvaluationOutcome.RealDatapointsOnly, real, realBreaching, filled);
        }
        if (realBreaching < real.Count)
        {
            return new AlarmDecision(AlarmStateValue.Ok, EvaluationOutcome.RealDatapointsOnly, real, realBreaching, filled);
        }
        if (rule.TreatMissingData == TreatMissingData.Ignore)
        {
            return new AlarmDecision(current, EvaluationOutcome.Retained, real, realBreaching, filled);
        }
        // Only breaching real datapoints (or none): the documented special case, else not enough data.
        if (real.Count > 0 && range.Count - IndexOf(range, real[0]) >= m)
        {
            return new AlarmDecision(AlarmStateValue.Alarm, EvaluationOutcome.OldestBreachingOldEnough, real, realBreaching, filled);
        }
        return new AlarmDecision(AlarmStateValue.InsufficientData, EvaluationOutcome.Insufficient, real, realBreaching, filled);
    }

    private static int IndexOf(IReadOnlyList<PeriodDatapoint> range, PeriodDatapoint datapoint)
    {
        for (var i = 0; i < range.Count; i++)
        {
            if (range[i].Start == datapoint.Start)
            {
                return i;
            }
        }
        throw new ArgumentException("The datapoint is not in the range.", nameof(datapoint));
    }
}
