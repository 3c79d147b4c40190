namespace CdnPulse.Alerting.Evaluation;

/// <summary>
/// What to evaluate: the alarms of a domain whose window changed (up to event-store <see cref="Position"/>), one
/// alarm (after PutMetricAlarm), or everything (the timer, start-up).
/// </summary>
internal readonly record struct EvaluationRequest(string? Domain, string? AlarmName, long Position)
{
    public bool Everything => Domain is null && AlarmName is null;
}
