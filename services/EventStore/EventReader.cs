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
            events.Add(new RecordedEvent(
                reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
                ParseJson(reader.GetString(4)), MetadataJson.Read(reader.GetString(5)), reader.GetFieldValue<DateTimeOffset>(6)));
        }
        return events;
    }

    private static JsonElement ParseJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
