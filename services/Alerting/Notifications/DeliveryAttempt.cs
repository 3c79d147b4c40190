namespace CdnPulse.Alerting.Notifications;

/// <summary>One attempt in the delivery log: when, how long, the receiver's HTTP status (if it answered) and the error (if it failed).</summary>
public sealed record DeliveryAttempt(int Attempt, DateTimeOffset StartedAt, int DurationMs, int? StatusCode, string? Error);
