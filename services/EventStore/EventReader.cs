using System.Text.Json;
using Npgsql;

namespace CdnPulse.EventStore;

/// <summary>Reads events and the safe high-water mark on a connection the caller opened (optionally in its transaction).</summary>
internal static class EventReader
{
    private const string Columns = "position, stream_id, version, type, data::text, metadata::text, created_at";

    /// <summary>
    /// The largest position at or below which no event can still appear (see <see cref="AppendFloorLock"/>). The two
    /// statements run in order in one round trip; the caller's next statement takes a newer snapshot, so it sees every
    /// commit the lock check relied on. Holes (rolled-back positions) below the mark stay holes.
    /// </summary>
    public static async Task<long> HighWaterMarkAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands = { new NpgsqlBatchCommand(AppendFloorLock.LastDrawnSql), new NpgsqlBatchCommand(AppendFloorLock.LowestFloorSql) },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var lastDrawn = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.IsDBNull(0) ? lastDrawn : Math.Min(lastDrawn, reader.GetInt64(0));
    }

    /// <summary>Events with <paramref name="after"/> &lt; position &lt;= <paramref name="upTo"/>, in position order.</summary>
    public static async Task<IReadOnlyList<RecordedEvent>> ReadRangeAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        long after, long upTo, int maxCount, CancellationToken cancellationToken)
    {
        if (upTo <= after)
        {
            return [];
        }
        await using var command = new NpgsqlCommand(
            $"select {Columns} from eventstore.events where position > $1 and position <= $2 order by position limit $3", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = upTo });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxCount });
        return await ReadAllRowsAsync(command, cancellationToken);
    }

    /// <summary>
    /// Events after <paramref name="after"/> up to <paramref name="upTo"/>, in position order: at most
    /// <paramref name="maxCount"/>, and no more once their stored sizes (<c>pg_column_size(data)</c>, compressed as
    /// on disk) reach <paramref name="maxBytes"/>. The first event always comes, however large. <c>Full</c> says that a
    /// limit cut the batch, so events up to <paramref name="upTo"/> may remain; otherwise all of them were read.
    /// </summary>
    public static async Task<(IReadOnlyList<RecordedEvent> Events, bool Full)> ReadBatchAsync(NpgsqlConnection connection,
        NpgsqlTransaction? transaction, long after, long upTo, int maxCount, long maxBytes, CancellationToken cancellationToken)
    {
        if (upTo <= after)
        {
            return ([], false);
        }
        // The running sum streams with the index scan, so the limit still stops it early. A row is kept while the sizes
        // before it are under the budget: the kept rows are a prefix, and a cut shows as a last row reaching the budget.
        await using var command = new NpgsqlCommand($"""
            select {Columns}, running >= $4 from (
                select *, sum(pg_column_size(data)) over (order by position rows unbounded preceding) as running
                from eventstore.events where position > $1 and position <= $2 order by position limit $3) as e
            where running - pg_column_size(data) < $4
            order by position
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = upTo });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxCount });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = maxBytes });
        var events = new List<RecordedEvent>();
        var overBudget = false;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(Read(reader));
            overBudget = reader.GetBoolean(7);
        }
        return (events, events.Count == maxCount || overBudget);
    }

    public static async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(NpgsqlConnection connection, string streamId, long fromVersion, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select {Columns} from eventstore.events where stream_id = $1 and version >= $2 order by version", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fromVersion });
        return await ReadAllRowsAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<RecordedEvent>> ReadAllRowsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var events = new List<RecordedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(Read(reader));
        }
        return events;
    }

    private static RecordedEvent Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
        ParseJson(reader.GetString(4)), MetadataJson.Read(reader.GetString(5)), reader.GetFieldValue<DateTimeOffset>(6));

    private static JsonElement ParseJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
