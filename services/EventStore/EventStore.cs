using System.Data;
using Npgsql;

namespace CdnPulse.EventStore;

/// <summary>
/// Appends events to streams with an expected-version check and reads them back, per stream or globally in
/// position order up to the safe high-water mark. Invariants and the reasoning behind them: README.md next to this file.
/// Callers in a <c>CdnPulse.*</c> namespace must write <c>EventStore.EventStore</c>: the simple name finds the namespace first.
/// </summary>
public sealed class EventStore(NpgsqlDataSource dataSource)
{
    private const string StreamsKey = "streams_pkey";
    private const string StreamVersionKey = "events_stream_id_version_key";

    internal NpgsqlDataSource DataSource => dataSource;

    /// <summary>Appends <paramref name="events"/> to <paramref name="streamId"/> in a transaction of its own.</summary>
    /// <exception cref="WrongExpectedVersionException">The stream is not at <paramref name="expected"/>; nothing was appended.</exception>
    public async Task<AppendResult> AppendAsync(string streamId, ExpectedVersion expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken)
    {
        EventAppender.Validate(streamId, events);
        using var activity = EventStoreTelemetry.StartAppend(streamId, expected, events.Count);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            var result = await AppendOrMapConflictAsync(connection, transaction, streamId, expected, events, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            EventStoreTelemetry.Appended(activity, result);
            return result;
        }
        catch (Exception ex)
        {
            EventStoreTelemetry.Failed(activity, ex);
            throw;
        }
    }

    /// <summary>
    /// Appends inside the caller's transaction (READ COMMITTED, PostgreSQL's default), so the events commit or roll
    /// back with the caller's other writes. Until that transaction ends, readers of the global order stop below the
    /// positions it drew: keep it short.
    /// </summary>
    /// <exception cref="WrongExpectedVersionException">The stream is not at <paramref name="expected"/>; nothing was appended.</exception>
    public async Task<AppendResult> AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string streamId,
        ExpectedVersion expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        if (!ReferenceEquals(transaction.Connection, connection))
        {
            throw new ArgumentException("The transaction must belong to the connection.", nameof(transaction));
        }
        EventAppender.Validate(streamId, events);
        using var activity = EventStoreTelemetry.StartAppend(streamId, expected, events.Count);
        try
        {
            var result = await AppendOrMapConflictAsync(connection, transaction, streamId, expected, events, cancellationToken);
            EventStoreTelemetry.Appended(activity, result);
            return result;
        }
        catch (Exception ex)
        {
            EventStoreTelemetry.Failed(activity, ex);
            throw;
        }
    }

    /// <summary>The events of one stream from <paramref name="fromVersion"/> (1 = the start) on, in version order.</summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, long fromVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await EventReader.ReadStreamAsync(connection, streamId, fromVersion, cancellationToken);
    }

    /// <summary>
    /// Up to <paramref name="maxCount"/> events after <paramref name="afterPosition"/>, in position order, never past
    /// the safe high-water mark: an event returned here is never preceded later by one that was still in flight.
    /// Positions of rolled-back appends are skipped. Continue with the last returned position.
    /// </summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var highWaterMark = await EventReader.HighWaterMarkAsync(connection, null, cancellationToken);
        return await EventReader.ReadRangeAsync(connection, null, afterPosition, highWaterMark, maxCount, cancellationToken);
    }

    /// <summary>The largest position with no possible in-flight gap at or below it (0 when there is none yet).</summary>
    public async Task<long> GetHighWaterMarkAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await EventReader.HighWaterMarkAsync(connection, null, cancellationToken);
    }

    /// <summary>The stream's current version (0 when it does not exist).</summary>
    public async Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await EventAppender.CurrentVersionAsync(connection, null, streamId, cancellationToken);
    }

    private async Task<AppendResult> AppendOrMapConflictAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string streamId,
        ExpectedVersion expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken)
    {
        try
        {
            return await EventAppender.AppendAsync(connection, transaction, streamId, expected, events, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName is StreamsKey or StreamVersionKey)
        {
            // Not reachable through the stream row protocol, but a (stream, version) clash is a concurrency conflict
            // whichever way it happens. The caller's transaction is aborted now, so ask on another connection.
            throw new WrongExpectedVersionException(streamId, expected, await GetStreamVersionAsync(streamId, cancellationToken), ex);
        }
    }
}
