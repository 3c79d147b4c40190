using Npgsql;

namespace CdnPulse.EventStore;

/// <summary>
/// The event store's tables in schema <c>eventstore</c>. <see cref="ApplyAsync"/> is idempotent and may run from
/// several processes at once: it serialises on a transaction-level advisory lock, so two runs never race on
/// <c>create ... if not exists</c> (which is not atomic in PostgreSQL).
/// </summary>
public static class EventStoreSchema
{
    public const string SchemaName = "eventstore";

    /// <summary>The identity sequence behind <c>events.position</c>. CACHE 1 keeps positions increasing in the order they are drawn across sessions.</summary>
    public const string PositionSequence = "eventstore.events_position_seq";

    /// <summary>Notification channel raised (at commit) by every append.</summary>
    public const string AppendedChannel = "eventstore_appended";

    // Two-int advisory key (objsubid 2 in pg_locks), so it can never be mistaken for an append floor lock (bigint form).
    private const int LockClass = AppendFloorLock.Tag;
    private const int SchemaLockId = 1;

    private static readonly string[] Statements =
    [
        "create schema if not exists eventstore",
        """
        create table if not exists eventstore.streams (
            stream_id text primary key,
            version bigint not null)
        """,
        """
        create table if not exists eventstore.events (
            position bigint generated always as identity (sequence name eventstore.events_position_seq cache 1) primary key,
            stream_id text not null,
            version bigint not null,
            type text not null,
            data jsonb not null,
            metadata jsonb not null,
            created_at timestamptz not null default now(),
            tx_id xid8 not null default pg_current_xact_id(),
            unique (stream_id, version))
        """,
        """
        create table if not exists eventstore.projection_checkpoints (
            name text primary key,
            position bigint not null,
            updated_at timestamptz)
        """,
    ];

    public static async Task ApplyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"select pg_advisory_xact_lock({LockClass}, {SchemaLockId})"));
        foreach (var statement in Statements)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statement));
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
