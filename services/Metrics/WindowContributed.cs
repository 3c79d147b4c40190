namespace CdnPulse.Metrics;

/// <summary>
/// The event Aggregation appends to a window's stream: what one group of log batches added to one 1-minute window
/// of one domain, per country. The source batch ids make every contribution traceable and deduplicable.
/// </summary>
public sealed record WindowContributed(
    string Domain,
    DateTimeOffset WindowStart,
    IReadOnlyList<string> BatchIds,
    Dictionary<string, WindowStats> Countries)
{
    public const string EventType = "window-contributed";

    public static string StreamId(string domain, DateTimeOffset windowStart) => $"window:{domain}:{windowStart.UtcDateTime:yyyy-MM-ddTHH:mm}";
}
