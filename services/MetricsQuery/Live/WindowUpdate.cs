namespace CdnPulse.MetricsQuery.Live;

/// <summary>
/// A live-stream event: a 1-minute window of a domain changed and the change is queryable now (the projection has
/// applied it). Requests is what the updates since the last event added; Position the highest event-store position.
/// </summary>
public sealed record WindowUpdate(string Domain, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, long Position, long Requests);
