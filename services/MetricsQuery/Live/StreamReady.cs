namespace CdnPulse.MetricsQuery.Live;

/// <summary>The first event of a stream: the subscription is in place, every later update will arrive.</summary>
public sealed record StreamReady(string? Domain, DateTimeOffset Time);
