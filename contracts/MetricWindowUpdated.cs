namespace CdnPulse.Contracts;

/// <summary>Published by Aggregation after a window contribution commits to the event store.</summary>
/// <param name="Domain">The window's domain.</param>
/// <param name="WindowStart">Start of the 1-minute window (inclusive, UTC).</param>
/// <param name="Position">Global event-store position of the contribution.</param>
/// <param name="Requests">Requests this contribution added to the window.</param>
public sealed record MetricWindowUpdated(
    string Domain,
    DateTimeOffset WindowStart,
    long Position,
    long Requests);
