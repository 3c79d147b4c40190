using System.Text.Json;
using Npgsql;

namespace CdnPulse.EventStore;

/// <summary>
/// The append itself, inside a transaction it does not own. First the stream row (the version check: nothing is
/// drawn if it fails), then in one round trip: the append floor lock, the multi-row insert that draws positions in
/// version order, and the notification that wakes projection daemons once the transaction commits.
/// </summary>
internal static class EventAppender
{
    // Any: increment whatever is there. Concurrent writers queue on the row lock, so versions stay dense.
    private const string ClaimAnySql = """
        insert into eventstore.streams as s (stream_id, version) values ($1, $2)
        on conflict (stream_id) do update set version = s.version + excluded.version
        returning s.version
        """;

    // NoStream: a concurrent creator waits on the primary key, then finds the row and gets nothing back.
    private const string ClaimNewSql = """
        insert into eventstore.streams (stream_id, version) values ($1, $2)
        on conflict (stream_id) do nothing
        returning version
        """;

    // Exact: under READ COMMITTED a writer blocked on the row re-checks "version = $3" against the winner's row.
    private const string ClaimExactSql = """
        update eventstore.streams set version = version + $2
        where stream_id = $1 and version = $3
        returning version
        """;

    private const string InsertSql = """
        with appended as (
            insert into eventstore.events (stream_id, version, type, data, metadata)
            select $1, $2 + e.n, e.type, e.data::jsonb, e.metadata::jsonb
            from unnest($3::text[], $4::text[], $5::text[]) with ordinality as e(type, data, metadata, n)
            order by e.n
            returning position)
        select min(position), max(position) from appended
        """;

    private const string NotifySql = $"select pg_notify('{EventStoreSchema.AppendedChannel}', '')";

    public static void Validate(string streamId, IReadOnlyList<EventData> events)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("An append needs at least one event.", nameof(events));
        }
        foreach (var e in events)
        {
            if (string.IsNullOrEmpty(e.Type) || e.Data.ValueKind == JsonValueKind.Undefined || e.Metadata is null)
            {
                throw new ArgumentException("Every event needs a type, a JSON body and metadata.", nameof(events));
            }
        }
    }

    public static async Task<AppendResult> AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string streamId,
        ExpectedVersion expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken)
    {
        var lastVersion = await ClaimVersionsAsync(connection, transaction, streamId, expected, events.Count, cancellationToken)
            ?? throw new WrongExpectedVersionException(streamId, expected, await CurrentVersionAsync(connection, transaction, streamId, cancellationToken));

        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(AppendFloorLock.TakeSql));
        var insert = new NpgsqlBatchCommand(InsertSql);
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = lastVersion - events.Count });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = events.Select(e => e.Type).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = events.Select(e => e.Data.GetRawText()).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = events.Select(e => MetadataJson.Write(e.Metadata)).ToArray() });
        batch.BatchCommands.Add(insert);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(NotifySql));

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var result = new AppendResult(lastVersion, reader.GetInt64(0), reader.GetInt64(1));
        while (await reader.NextResultAsync(cancellationToken))
        {
        }
        return result;
    }

    public static async Task<long> CurrentVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string streamId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select version from eventstore.streams where stream_id = $1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        return await command.ExecuteScalarAsync(cancellationToken) is long version ? version : 0;
    }

    private static async Task<long?> ClaimVersionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string streamId,
        ExpectedVersion expected, int count, CancellationToken cancellationToken)
    {
        var sql = expected.IsAny ? ClaimAnySql : expected.IsNoStream ? ClaimNewSql : ClaimExactSql;
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = count });
        if (!expected.IsAny && !expected.IsNoStream)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expected.Value });
        }
        return await command.ExecuteScalarAsync(cancellationToken) is long version ? version : null;
    }
}
