namespace CdnPulse.Alerting.Alarms;

/// <summary>Each alarm is one event stream, <c>alarm:&lt;AlarmName&gt;</c>; a state change is identified by stream and version.</summary>
public static class AlarmStream
{
    public const string Prefix = "alarm:";

    public static string Id(string alarmName) => Prefix + alarmName;

    public static bool IsAlarmStream(string streamId) => streamId.StartsWith(Prefix, StringComparison.Ordinal);

    public static string AlarmName(string streamId) =>
        IsAlarmStream(streamId) ? streamId[Prefix.Length..] : throw new ArgumentException($"'{streamId}' is not an alarm stream.", nameof(streamId));

    /// <summary>The idempotency key of one state change: every notification of it carries this key, and no other change does.</summary>
    public static string IdempotencyKey(string streamId, long version) => $"{streamId}/{version}";
}
