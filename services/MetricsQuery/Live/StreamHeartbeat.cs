namespace CdnPulse.MetricsQuery.Live;

/// <summary>Sent when nothing else was for a while, so proxies keep the connection and clients see it is alive.</summary>
public sealed record StreamHeartbeat(DateTimeOffset Time);
