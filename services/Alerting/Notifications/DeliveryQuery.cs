namespace CdnPulse.Alerting.Notifications;

/// <summary>Filters of the delivery log; <see cref="NextToken"/> is the id of the last delivery of the previous page (newest first).</summary>
public sealed record DeliveryQuery(string? AlarmName, string? Target, string? Status, int MaxRecords, long? NextToken);
