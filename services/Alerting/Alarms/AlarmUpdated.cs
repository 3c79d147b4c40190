namespace CdnPulse.Alerting.Alarms;

/// <summary>Event: PutMetricAlarm replaced the configuration; the state is left as it was (and re-evaluated).</summary>
public sealed record AlarmUpdated(AlarmDefinition Definition, DateTimeOffset At)
{
    public const string EventType = "alarm-updated";
}
