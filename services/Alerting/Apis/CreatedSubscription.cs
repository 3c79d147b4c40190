namespace CdnPulse.Alerting.Apis;

/// <summary>The answer to creating a subscription: the only time its signing secret is shown.</summary>
public sealed record CreatedSubscription(string Name, string Url, DateTimeOffset CreatedAt, string Secret, string SignatureHeader);
