using CdnPulse.Metrics;
using Npgsql;

namespace CdnPulse.MetricsQuery.Caching;

/// <summary>
/// A rebuild (cdnpulse-admin rebuild) clears the minute tables and replays them without publishing updates, so the
/// <see cref="MinuteCache"/> could keep half-replayed blocks. Every few seconds this reads the projection's checkpoint:
/// when it moved backwards a rebuild started, and the cache is cleared and bypassed until the checkpoint has caught up
/// with the last event, then cleared again.
/// </summary>
internal sealed class RebuildWatcher(NpgsqlDataSource dataSource, MinuteCache cache, ILogger<RebuildWatcher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private long _lastCheckpoint;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await CheckAsync(stoppingToken);
                await Task.Delay(Interval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        long checkpoint, last;
        try
        {
            await using var command = dataSource.CreateCommand("""
                select coalesce((select position from eventstore.projection_checkpoints where name = $1), 0),
                       coalesce((select max(position) from eventstore.events), 0)
                """);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = MinuteStatsProjection.ProjectionName });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (checkpoint, last) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        catch (NpgsqlException ex)
        {
            MetricsQueryLog.CheckpointReadFailed(logger, ex);
            return;
        }
        if (checkpoint < _lastCheckpoint && !cache.Bypassed)
        {
            MetricsQueryLog.RebuildNoticed(logger, _lastCheckpoint, checkpoint);
            cache.Bypass(true);
        }
        else if (cache.Bypassed && checkpoint >= last)
        {
            cache.Bypass(false);
        }
        _lastCheckpoint = checkpoint;
    }
}
