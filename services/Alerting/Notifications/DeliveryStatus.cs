namespace CdnPulse.Alerting.Notifications;

/// <summary>Where a delivery stands: pending (waiting for its next attempt), in_flight, delivered, or dead (dead-lettered).</summary>
public static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string InFlight = "in_flight";
    public const string Delivered = "delivered";
    public const string Dead = "dead";

    public static readonly IReadOnlyList<string> All = [Pending, InFlight, Delivered, Dead];
}
