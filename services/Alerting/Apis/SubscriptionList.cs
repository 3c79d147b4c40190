using CdnPulse.Alerting.Notifications;

namespace CdnPulse.Alerting.Apis;

public sealed record SubscriptionList(IReadOnlyList<Subscription> Subscriptions);
