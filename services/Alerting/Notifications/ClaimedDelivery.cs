namespace CdnPulse.Alerting.Notifications;

/// <summary>A delivery this instance has claimed for one attempt (number <see cref="Attempt"/>).</summary>
internal sealed record ClaimedDelivery(long Id, string StreamId, long Version, string AlarmName, string Target, string NewState, string Payload, int Attempt)
{
    public string IdempotencyKey => Alarms.AlarmStream.IdempotencyKey(StreamId, Version);
}
