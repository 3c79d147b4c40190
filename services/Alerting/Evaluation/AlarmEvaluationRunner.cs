using CdnPulse.Alerting.Alarms;
using CdnPulse.Alerting.Notifications;
using CdnPulse.Metrics;

namespace CdnPulse.Alerting.Evaluation;

/// <summary>
/// One evaluation pass, the I/O around the pure <see cref="AlarmEvaluator"/>: read the alarms, read each
/// (domain, country)'s minutes once for all its alarms, compute the datapoints of the periods ending at the last
/// minute boundary (periods slide by the minute, as CloudWatch evaluates every minute), decide, and record changes.
/// One alarm's failure never stops the others.
/// </summary>
internal sealed class AlarmEvaluationRunner(
    AlarmReadModel alarms,
    MinuteStatsReader minutes,
    StateChangeRecorder recorder,
    AlertingTelemetry telemetry,
    TimeProvider time,
    ILogger<AlarmEvaluationRunner> logger)
{
    /// <summary>Evaluates the alarms of <paramref name="domains"/> and <paramref name="names"/> (all when both are null); returns the number of state changes.</summary>
    public async Task<int> EvaluateAsync(IReadOnlyCollection<string>? domains, IReadOnlyCollection<string>? names, CancellationToken cancellationToken)
    {
        var rows = await alarms.ActiveAsync(domains, names, cancellationToken);
        var now = time.GetUtcNow();
        var end = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var changes = 0;
        foreach (var group in rows.GroupBy(r => (r.Definition.Domain, r.Definition.Country)))
        {
            var span = group.Max(r => TimeSpan.FromSeconds((long)r.Definition.Period * AlarmRule.Of(r.Definition).EvaluationRange));
            // Histograms only when an alarm of the group reads percentiles: they are the larger part of a minute.
            var histograms = group.Any(r => AlarmMetrics.Find(r.Definition.MetricName)?.NeedsHistograms(r.Definition) == true);
            var data = await minutes.ReadAsync(group.Key.Domain, end - span, end, group.Key.Country, histograms, cancellationToken);
            foreach (var alarm in group)
            {
                telemetry.Evaluated(1);
                try
                {
                    if (await EvaluateAsync(alarm, data, end, now, cancellationToken))
                    {
                        changes++;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    AlertingLog.AlarmFailed(logger, ex, alarm.AlarmName);
                }
            }
        }
        return changes;
    }

    private async Task<bool> EvaluateAsync(AlarmRow alarm, IReadOnlyDictionary<DateTimeOffset, WindowStats> data, DateTimeOffset end, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var definition = alarm.Definition;
        if (AlarmMetrics.Find(definition.MetricName) is not { } metric || DatapointStatistic.Of(definition) is not { } statistic)
        {
            AlertingLog.NotEvaluable(logger, alarm.AlarmName, $"metric {definition.MetricName} with {definition.Statistic?.ToString() ?? definition.ExtendedStatistic} is not available");
            return false;
        }
        var rule = AlarmRule.Of(definition);
        var range = DatapointCalculator.Range(metric, statistic, data, end, TimeSpan.FromSeconds(definition.Period), rule.EvaluationRange);
        var decision = AlarmEvaluator.Evaluate(rule, range, alarm.State);
        if (decision.State == alarm.State)
        {
            return false;
        }
        var reason = StateReasonWriter.Write(decision, rule, alarm.State, range, statistic.Name, definition.Period, now);
        var recorded = await recorder.RecordAsync(alarm, decision.State, reason, now, cancellationToken);
        if (recorded)
        {
            telemetry.StateChanged(decision.State.ToString());
        }
        return recorded;
    }
}
