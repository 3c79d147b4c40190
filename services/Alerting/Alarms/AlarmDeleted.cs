namespace CdnPulse.Alerting.Alarms;

/// <summary>Event: DeleteAlarms removed the alarm. The stream stays; a later PutMetricAlarm continues it with a new creation.</summary>
public sealed record AlarmDeleted(DateTimeOffset At)
{
    public const string EventType = "alarm-deleted";
}
