using CdnPulse.LoadGen.Clients;
using CdnPulse.LoadGen.Traffic;
using CdnPulse.Metrics;
using EventData = CdnPulse.EventStore.EventData;
using ExpectedVersion = CdnPulse.EventStore.ExpectedVersion;
using Store = CdnPulse.EventStore.EventStore;

namespace CdnPulse.MetricsQuery.Tests.Load;

/// <summary>
/// Seeds one busy domain through the projection's own path: the load generator's realistic requests (26 countries,
/// Zipf URLs, real ISPs) folded by Aggregation's <see cref="WindowFolder"/>, appended as window-contributed events
/// (one per minute), then applied by MetricsQuery's projection daemon into the minute tables.
/// </summary>
internal static class BusyDomainSeeder
{
    public static async Task<(long Lines, int Events)> SeedAsync(Store store, string domain, DateTimeOffset start, TimeSpan length,
        double linesPerSecond, CancellationToken cancellationToken)
    {
        var folder = ClientPool.FindDataFolder(Hosting.RepositoryPaths.Root) ?? throw new InvalidOperationException("The ip-location-db data is missing.");
        var clients = await ClientPool.LoadAsync(folder, CountryWeight.Defaults, cancellationToken);
        var generator = new TrafficGenerator(new TrafficSettings
        {
            StartMs = start.ToUnixTimeMilliseconds(),
            LinesPerSecond = linesPerSecond,
            Domains = [new DomainSettings(domain, 1, DomainProfile.Web)],
        }, clients);
        var endMs = (start + length).ToUnixTimeMilliseconds();
        var lines = 0L;
        var events = 0;
        var window = new WindowFolder();
        var minute = start.ToUnixTimeMilliseconds() / 60_000;
        while (true)
        {
            var line = generator.Next();
            if (line.Request.TimestampMs / 60_000 != minute || line.Request.TimestampMs >= endMs)
            {
                foreach (var contribution in window.Contributions([$"load-run:{minute}"]))
                {
                    await store.AppendAsync(WindowContributed.StreamId(contribution.Domain, contribution.WindowStart), ExpectedVersion.Any,
                        [EventData.Create(WindowContributed.EventType, contribution, options: MetricsJson.Options)], cancellationToken);
                    events++;
                }
                if (line.Request.TimestampMs >= endMs)
                {
                    return (lines, events);
                }
                window = new WindowFolder();
                minute = line.Request.TimestampMs / 60_000;
            }
            window.Add(line.Request);
            lines++;
        }
    }
}
