using System.Threading.Channels;
using CdnPulse.Contracts;
using CdnPulse.Metrics;
using CdnPulse.MetricsQuery.Caching;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CdnPulse.MetricsQuery.Live;

/// <summary>
/// Holds each <see cref="MetricWindowUpdated"/> until the minute projection's checkpoint has reached its position, then
/// drops the minute from the <see cref="MinuteCache"/> and announces it on the <see cref="WindowUpdateHub"/>, so a
/// client that re-queries on the event sees the new data. An update still waiting after
/// <see cref="LiveStreamOptions.MaxWait"/> is announced anyway, but stays until the checkpoint passes it, so the cache
/// is not refilled with data the projection has not applied yet. Updates of one window released together are sent as
/// one; one checkpoint read serves every waiting update, and nothing is read while nothing waits.
/// </summary>
internal sealed class WindowUpdateRelay(NpgsqlDataSource dataSource, WindowUpdateHub hub, MinuteCache cache, IOptions<LiveStreamOptions> options,
    TimeProvider clock, ILogger<WindowUpdateRelay> logger) : BackgroundService
{
    private const int MaxPending = 100_000;

    private readonly Channel<MetricWindowUpdated> _incoming = Channel.CreateBounded<MetricWindowUpdated>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Enqueue(MetricWindowUpdated update) => _incoming.Writer.TryWrite(update);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = new List<Pending>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (pending.Count == 0)
                {
                    await _incoming.Reader.WaitToReadAsync(stoppingToken);
                }
                while (_incoming.Reader.TryRead(out var update))
                {
                    pending.Add(new Pending(update, clock.GetUtcNow()));
                }
                if (pending.Count > MaxPending)
                {
                    // The projection has stalled for long: forget the oldest, and whatever the cache may have kept early.
                    pending.RemoveRange(0, pending.Count - MaxPending);
                    cache.Clear();
                }
                Release(pending, await CheckpointAsync(stoppingToken), clock.GetUtcNow());
                if (pending.Count > 0)
                {
                    await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Release(List<Pending> pending, long checkpoint, DateTimeOffset now)
    {
        var applied = pending.Where(p => p.Update.Position <= checkpoint).ToList();
        foreach (var p in applied)
        {
            cache.Invalidate(p.Update.Domain, p.Update.WindowStart);
        }
        var due = pending.Where(p => !p.Announced && (p.Update.Position <= checkpoint || now - p.Received >= options.Value.MaxWait)).ToList();
        foreach (var window in due.GroupBy(p => (p.Update.Domain, WindowStart: p.Update.WindowStart.ToUniversalTime())))
        {
            hub.Publish(new WindowUpdate(window.Key.Domain, window.Key.WindowStart, window.Key.WindowStart + WindowFolder.WindowLength,
                window.Max(p => p.Update.Position), window.Sum(p => p.Update.Requests)));
        }
        foreach (var p in due)
        {
            p.Announced = true;
        }
        pending.RemoveAll(p => p.Update.Position <= checkpoint);
    }

    /// <summary>The projection's committed checkpoint; -1 (release nothing yet) when PostgreSQL does not answer.</summary>
    private async Task<long> CheckpointAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("select position from eventstore.projection_checkpoints where name = $1");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = MinuteStatsProjection.ProjectionName });
            return await command.ExecuteScalarAsync(cancellationToken) is long position ? position : 0;
        }
        catch (NpgsqlException ex)
        {
            MetricsQueryLog.CheckpointReadFailed(logger, ex);
            return -1;
        }
    }

    private sealed class Pending(MetricWindowUpdated update, DateTimeOffset received)
    {
        public MetricWindowUpdated Update { get; } = update;

        public DateTimeOffset Received { get; } = received;

        public bool Announced { get; set; }
    }
}
