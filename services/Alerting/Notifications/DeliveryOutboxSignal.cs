namespace CdnPulse.Alerting.Notifications;

/// <summary>Wakes the webhook delivery worker.</summary>
internal sealed class DeliveryOutboxSignal : OutboxSignal;
