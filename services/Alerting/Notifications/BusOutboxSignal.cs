namespace CdnPulse.Alerting.Notifications;

/// <summary>Wakes the bus outbox publisher.</summary>
internal sealed class BusOutboxSignal : OutboxSignal;
