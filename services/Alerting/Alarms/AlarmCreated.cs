namespace CdnPulse.Alerting.Alarms;

/// <summary>Event: PutMetricAlarm created the alarm (or re-created it after a delete); its state starts as INSUFFICIENT_DATA.</summary>
public sealed record AlarmCreated(AlarmDefinition Definition, DateTimeOffset At)
{
    public const string EventType = "alarm-created";

    public const string InitialReason = "Unchecked: Initial alarm creation";
}
