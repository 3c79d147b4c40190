using CdnPulse.Alerting.Notifications;

namespace CdnPulse.Alerting.Apis;

public sealed record DeliveryList(IReadOnlyList<Delivery> Deliveries, string? NextToken);
