namespace CdnPulse.Alerting.Notifications;

/// <summary>A webhook target that alarms name in their actions. The secret is never part of this record.</summary>
public sealed record Subscription(string Name, string Url, DateTimeOffset CreatedAt);
