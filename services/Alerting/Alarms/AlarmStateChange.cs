namespace CdnPulse.Alerting.Alarms;

/// <summary>
/// Event: evaluation moved the alarm to another state. <see cref="Reason"/> is CloudWatch-style text naming the
/// datapoints that decided it; <see cref="ReasonData"/> is the same as JSON (CloudWatch's StateReasonData).
/// </summary>
public sealed record AlarmStateChange(
    AlarmStateValue OldState,
    AlarmStateValue NewState,
    string Reason,
    string ReasonData,
    DateTimeOffset At)
{
    public const string EventType = "alarm-state-changed";
}
