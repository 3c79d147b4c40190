using System.Data;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CdnPulse.EventStore;

/// <summary>
/// Keeps one projection up to date. Each step runs in one transaction: lock the checkpoint row (skip if another
/// instance holds it), read the next safe batch after the checkpoint, apply it, move the checkpoint conditionally,
/// commit. Between steps it waits for an append notification (or <see cref="ProjectionDaemonOptions.PollInterval"/>);
/// after a failure it logs, backs off and retries the same batch, so it also catches up after any downtime.
/// <para>
/// A batch is bounded by its work, not only its event count: by the events' stored bytes
/// (<see cref="ProjectionDaemonOptions.MaxBatchBytes"/>), and by an event limit that adapts: it halves when a batch
/// fails (a timeout, running out of memory) or runs over <see cref="ProjectionDaemonOptions.BatchTimeBudget"/>, and
/// doubles back towards <see cref="ProjectionDaemonOptions.BatchSize"/> after quick batches. A backlog of heavy events
/// therefore always progresses, in the worst case one event per transaction, instead of retrying one batch forever.
/// </para>
/// </summary>
public sealed class ProjectionDaemon
{
    private readonly EventStore _store;
    private readonly IProjection _projection;
    private readonly ProjectionDaemonOptions _options;
    private readonly ILogger _logger;
    private long _checkpoint;
    private long _highWaterMark;
    private bool _checkpointRowExists;
    private int _batchLimit;

    public ProjectionDaemon(EventStore store, IProjection projection, ProjectionDaemonOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }
        _store = store;
        _projection = projection;
        _options = options;
        _logger = logger;
        _batchLimit = options.BatchSize;
    }

    /// <summary>The most events the next batch may hold (adapts between 1 and <see cref="ProjectionDaemonOptions.BatchSize"/>).</summary>
    public int BatchLimit => Volatile.Read(ref _batchLimit);

    public string Name => _projection.Name;

    /// <summary>The checkpoint as last seen by this instance.</summary>
    public long Checkpoint => Volatile.Read(ref _checkpoint);

    /// <summary>The high-water mark as last seen by this instance.</summary>
    public long HighWaterMark => Volatile.Read(ref _highWaterMark);

    public long Lag => Math.Max(0, HighWaterMark - Checkpoint);

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled; then returns (it does not throw).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        EventStoreLog.DaemonStarted(_logger, Name);
        await using var listener = new AppendListener(_store.DataSource);
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                // Listen before reading, so an append that commits after the read still wakes the wait below.
                await listener.StartAsync(cancellationToken);
                var result = await ProcessBatchAsync(cancellationToken);
                if (failures > 0)
                {
                    EventStoreLog.Recovered(_logger, Name, failures);
                    failures = 0;
                }
                if (result.Busy)
                {
                    await Task.Delay(_options.PollInterval, cancellationToken);
                }
                else if (result.CaughtUp)
                {
                    await listener.WaitAsync(_options.PollInterval, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                var delay = Backoff(failures);
                EventStoreLog.BatchFailed(_logger, ex, Name, failures, delay);
                try
                {
                    await Task.Delay(delay, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        EventStoreLog.DaemonStopped(_logger, Name, Checkpoint);
    }

    /// <summary>One step (see the class summary). Not for concurrent use on one instance; other instances are fine.</summary>
    public async Task<ProjectionBatchResult> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        if (!_checkpointRowExists)
        {
            await ProjectionCheckpoints.EnsureAsync(_store.DataSource, Name, cancellationToken);
            _checkpointRowExists = true;
        }
        await using var connection = await _store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        ProjectionBatchResult result;
        if (await ProjectionCheckpoints.LockAsync(connection, transaction, Name, skipLocked: true, cancellationToken) is { } checkpoint)
        {
            var limit = BatchLimit;
            var started = Stopwatch.GetTimestamp();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.BatchTimeout);
            try
            {
                result = await ProjectionStep.RunAsync(connection, transaction, _projection, checkpoint, limit, _options.MaxBatchBytes,
                    "eventstore.projection.batch", timeout.Token);
                await transaction.CommitAsync(timeout.Token);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                Adapt(limit, Math.Max(1, limit / 2));
                throw;
            }
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed > _options.BatchTimeBudget)
            {
                Adapt(limit, Math.Max(1, limit / 2));
            }
            else if (result.EventCount == limit && elapsed < _options.BatchTimeBudget / 4)
            {
                Adapt(limit, (int)Math.Min(_options.BatchSize, 2L * limit));
            }
        }
        else
        {
            // Another instance is applying a batch. Report what it last committed, so every instance's gauges are meaningful.
            var position = await ProjectionCheckpoints.ReadAsync(connection, transaction, Name, cancellationToken);
            var highWaterMark = await EventReader.HighWaterMarkAsync(connection, transaction, cancellationToken);
            result = new ProjectionBatchResult(true, 0, position, Math.Max(position, highWaterMark));
        }
        Volatile.Write(ref _checkpoint, result.Checkpoint);
        Volatile.Write(ref _highWaterMark, result.HighWaterMark);
        return result;
    }

    private void Adapt(int from, int to)
    {
        if (to != from)
        {
            Volatile.Write(ref _batchLimit, to);
            EventStoreLog.BatchLimitChanged(_logger, Name, from, to);
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var factor = 1L << Math.Min(failures - 1, 16);
        return TimeSpan.FromTicks(Math.Min(_options.MaxErrorBackoff.Ticks, _options.ErrorBackoff.Ticks * factor));
    }
}
