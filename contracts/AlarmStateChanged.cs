namespace CdnPulse.Contracts;

/// <summary>
/// Published by Alerting after an alarm's state change commits (a fan-out any service can subscribe to). Delivery is
/// at least once: <see cref="IdempotencyKey"/> (alarm stream and version) is the same on every copy of one change.
/// </summary>
/// <param name="AlarmName">The alarm's name.</param>
/// <param name="IdempotencyKey">Unique per state change: <c>alarm:&lt;name&gt;/&lt;version&gt;</c>.</param>
/// <param name="Version">The version of the alarm's stream that recorded the change (increases with every alarm event).</param>
/// <param name="OldStateValue">OK, ALARM or INSUFFICIENT_DATA.</param>
/// <param name="NewStateValue">OK, ALARM or INSUFFICIENT_DATA.</param>
/// <param name="NewStateReason">CloudWatch-style reason naming the datapoints that decided the change.</param>
/// <param name="StateChangeTime">When the evaluation changed the state (UTC).</param>
/// <param name="MetricName">The CdnPulse metric the alarm watches (errorRate5xx, request, …).</param>
/// <param name="Dimensions">The metric's dimensions: Domain, and Country when the alarm has one.</param>
public sealed record AlarmStateChanged(
    string AlarmName,
    string IdempotencyKey,
    long Version,
    string OldStateValue,
    string NewStateValue,
    string NewStateReason,
    DateTimeOffset StateChangeTime,
    string MetricName,
    IReadOnlyDictionary<string, string> Dimensions);
