namespace CdnPulse.MetricsQuery.Native;

/// <summary>A domain with data, and the start of its most recent minute with requests.</summary>
public sealed record DomainInfo(string Name, DateTimeOffset LastMinute);
