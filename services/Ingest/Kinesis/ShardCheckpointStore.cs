using Npgsql;

namespace CdnPulse.Ingest.Kinesis;

/// <summary>Per-shard read positions in PostgreSQL, written only after the shard's batch is published.</summary>
public sealed class ShardCheckpointStore(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyDictionary<string, ShardCheckpoint>> LoadAsync(string stream, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select shard_id, sequence_number, finished from ingest.shard_checkpoints where stream = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = stream });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var checkpoints = new Dictionary<string, ShardCheckpoint>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            checkpoints[reader.GetString(0)] = new ShardCheckpoint(reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetBoolean(2));
        }
        return checkpoints;
    }

    public async Task SaveAsync(string stream, string shardId, string? sequenceNumber, bool finished, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into ingest.shard_checkpoints (stream, shard_id, sequence_number, finished, updated_at) values ($1, $2, $3, $4, now())
            on conflict (stream, shard_id) do update set
                sequence_number = coalesce(excluded.sequence_number, ingest.shard_checkpoints.sequence_number),
                finished = excluded.finished, updated_at = now()
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = stream });
        command.Parameters.Add(new NpgsqlParameter { Value = shardId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)sequenceNumber ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = finished });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
