using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CdnPulse.EventStore;

/// <summary>Runs one <see cref="ProjectionDaemon"/> per registered <see cref="IProjection"/> for the host's lifetime.</summary>
public sealed class ProjectionDaemonHostedService(
    IEnumerable<IProjection> projections,
    EventStore store,
    EventStoreMetrics metrics,
    IOptions<ProjectionDaemonOptions> options,
    ILoggerFactory loggerFactory) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var all = projections.ToList();
        if (all.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new InvalidOperationException($"Two projections are named '{duplicate.Key}': a name identifies one checkpoint.");
        }
        var logger = loggerFactory.CreateLogger<ProjectionDaemon>();
        var daemons = all.Select(p => new ProjectionDaemon(store, p, options.Value, logger)).ToList();
        foreach (var daemon in daemons)
        {
            metrics.Track(daemon);
        }
        try
        {
            await Task.WhenAll(daemons.Select(d => d.RunAsync(stoppingToken)));
        }
        finally
        {
            foreach (var daemon in daemons)
            {
                metrics.Untrack(daemon);
            }
        }
    }
}
