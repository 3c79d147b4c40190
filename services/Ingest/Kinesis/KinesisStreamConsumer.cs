using CdnPulse.Ingest.Publishing;
using CdnPulse.Kinesis;
using CdnPulse.Kinesis.Model;
using Microsoft.Extensions.Options;

namespace CdnPulse.Ingest.Kinesis;

/// <summary>
/// Shares the stream's shards with the other Ingest instances through leases in PostgreSQL. Every round (the renew
/// interval) it beats its heartbeat, renews the leases its readers hold (a lease it failed to renew has changed hands:
/// its reader stops), lists the shards now and then, and lets <see cref="LeaseBalancer"/> pick shards to take. A shard
/// may be read only once its parents are finished, so the records of a key stay in order across a reshard. On a
/// graceful stop it gives its leases back; after a crash they expire and are taken over.
/// </summary>
internal sealed class KinesisStreamConsumer(
    KinesisClient client,
    ShardLeaseStore leases,
    IngestInstance instance,
    IServiceProvider services,
    IngestMetrics metrics,
    IOptions<KinesisOptions> kinesisOptions,
    IOptions<IngestOptions> ingestOptions,
    IOptions<ShardLeaseOptions> leaseOptions,
    ILogger<KinesisStreamConsumer> logger) : BackgroundService
{
    private readonly Dictionary<string, RunningReader> _readers = new(StringComparer.Ordinal);
    private readonly List<RunningReader> _stopping = [];
    private readonly ShardLeaseOptions _options = leaseOptions.Value;
    private IReadOnlyList<KinesisShard> _shards = [];
    private DateTime _nextDiscovery = DateTime.MinValue;

    private string Stream => kinesisOptions.Value.StreamName;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!ingestOptions.Value.ReadKinesis)
        {
            return;
        }
        IngestLog.InstanceStarted(logger, instance.Id, Stream, _options.Duration.TotalSeconds);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RoundAsync(stoppingToken);
                }
                catch (KinesisException ex) when (ex.IsResourceNotFound)
                {
                    IngestLog.StreamMissing(logger, Stream);
                }
                catch (Exception ex) when (ex is KinesisException or HttpRequestException or Npgsql.NpgsqlException or TimeoutException
                                               or System.Text.Json.JsonException)
                {
                    IngestLog.RoundFailed(logger, ex, Stream);
                }
                await Task.Delay(_options.RenewInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await StopReadersAsync();
        }
    }

    private async Task RoundAsync(CancellationToken cancellationToken)
    {
        await leases.HeartbeatAsync(Stream, instance.Id, cancellationToken);
        foreach (var (shardId, reader) in _readers.Where(r => r.Value.Task.IsCompleted).ToList())
        {
            if (reader.Task.Exception is { } error)
            {
                IngestLog.ReaderCrashed(logger, error.GetBaseException(), shardId);
            }
            _readers.Remove(shardId);
            reader.Dispose();
        }
        foreach (var stopped in _stopping.Where(r => r.Task.IsCompleted).ToList())
        {
            _stopping.Remove(stopped);
            stopped.Dispose();
        }

        var renewed = await leases.RenewAsync(_readers.Values.Select(r => r.Lease).ToList(), _options.Duration, cancellationToken);
        foreach (var lost in _readers.Keys.Where(id => !renewed.Contains(id)).ToList())
        {
            // Taken over (we were too slow to renew, or stolen): the reader's next write would fail anyway. A reader
            // that has just finished its shard gave the lease up itself.
            if (!_readers[lost].Task.IsCompleted)
            {
                metrics.LeaseChanged("lost");
            }
            _readers[lost].Cancel();
            _stopping.Add(_readers[lost]);
            _readers.Remove(lost);
        }

        if (DateTime.UtcNow >= _nextDiscovery)
        {
            _shards = await client.ListShardsAsync(Stream, cancellationToken);
            await leases.EnsureShardsAsync(Stream, _shards.Select(s => s.ShardId).ToList(), cancellationToken);
            _nextDiscovery = DateTime.UtcNow + _options.DiscoveryInterval;
        }

        var rows = await leases.LoadAsync(Stream, cancellationToken);
        var live = await leases.LiveInstancesAsync(Stream, _options.Duration, cancellationToken);
        var plan = LeaseBalancer.Plan(instance.Id, live, Eligible(_shards, rows), _readers.Keys.ToHashSet(StringComparer.Ordinal), Random.Shared);
        foreach (var row in plan.Take)
        {
            if (await leases.TryAcquireAsync(Stream, row.ShardId, instance.Id, row.Counter, _options.Duration, null, cancellationToken) is { } lease)
            {
                metrics.LeaseChanged(row.Owner is null || row.Owner == instance.Id ? "acquired" : "taken-over");
                StartReader(lease);
            }
        }
        if (plan.Steal is { } victim
            && await leases.TryAcquireAsync(Stream, victim.ShardId, instance.Id, victim.Counter, _options.Duration, victim.Owner, cancellationToken) is { } stolen)
        {
            metrics.LeaseChanged("stolen");
            IngestLog.Stole(logger, instance.Id, victim.ShardId, victim.Owner!, plan.Target);
            StartReader(stolen);
        }
        metrics.LeasesHeld(_readers.Count);
    }

    /// <summary>
    /// Shards that may be read now: known, not finished, and every parent still listed is finished (a parent that has
    /// aged out of the stream cannot hold unread records).
    /// </summary>
    internal static IReadOnlyList<ShardLeaseRow> Eligible(IReadOnlyList<KinesisShard> shards, IReadOnlyList<ShardLeaseRow> rows)
    {
        var byId = rows.ToDictionary(r => r.ShardId, StringComparer.Ordinal);
        var listed = shards.Select(s => s.ShardId).ToHashSet(StringComparer.Ordinal);
        return shards
            .Where(s => byId.TryGetValue(s.ShardId, out var row) && !row.Finished)
            .Where(s => new[] { s.ParentShardId, s.AdjacentParentShardId }
                .Where(p => p is not null && listed.Contains(p))
                .All(p => byId.TryGetValue(p!, out var parent) && parent.Finished))
            .Select(s => byId[s.ShardId])
            .ToList();
    }

    private void StartReader(ShardLease lease)
    {
        var reader = ActivatorUtilities.CreateInstance<ShardReader>(services, lease);
        var cancellation = new CancellationTokenSource();
        _readers[lease.ShardId] = new RunningReader(lease, cancellation, Task.Run(() => reader.RunAsync(cancellation.Token), CancellationToken.None));
        IngestLog.ShardStarted(logger, lease.ShardId, Stream, lease.Counter, lease.Checkpoint ?? "the start");
    }

    private async Task StopReadersAsync()
    {
        var running = _readers.Values.ToList();
        _readers.Clear();
        metrics.LeasesHeld(0);
        foreach (var reader in running)
        {
            reader.Cancel();
        }
        await Task.WhenAll(running.Concat(_stopping).Select(r => r.Task.ContinueWith(_ => { }, TaskScheduler.Default)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await leases.ReleaseAsync(running.Select(r => r.Lease).ToList(), timeout.Token);
            await leases.RemoveInstanceAsync(Stream, instance.Id, timeout.Token);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or OperationCanceledException or TimeoutException)
        {
            // The leases expire on their own; another instance waits a little longer.
            IngestLog.RoundFailed(logger, ex, Stream);
        }
        foreach (var reader in running.Concat(_stopping))
        {
            reader.Dispose();
        }
    }

    private sealed record RunningReader(ShardLease Lease, CancellationTokenSource Cancellation, Task Task) : IDisposable
    {
        public void Cancel() => Cancellation.Cancel();

        public void Dispose() => Cancellation.Dispose();
    }
}
