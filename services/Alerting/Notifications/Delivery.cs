namespace CdnPulse.Alerting.Notifications;

/// <summary>A webhook delivery of one state change to one target, with its attempts (the delivery log).</summary>
public sealed record Delivery(
    long Id,
    string AlarmName,
    string IdempotencyKey,
    string Target,
    string NewStateValue,
    string Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<DeliveryAttempt> AttemptLog);
