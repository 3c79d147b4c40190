using Npgsql;

namespace CdnPulse.Ingest;

/// <summary>Ingest's tables (schema <c>ingest</c>): where each Kinesis shard has been read up to.</summary>
public static class IngestSchema
{
    public const string Sql = """
        create schema if not exists ingest;

        create table if not exists ingest.shard_checkpoints (
            stream text not null,
            shard_id text not null,
            sequence_number text,
            finished boolean not null default false,
            updated_at timestamptz not null default now(),
            primary key (stream, shard_id));
        """;

    public static async Task ApplyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("select pg_advisory_xact_lock(hashtext('cdnpulse.ingest.schema'))", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var command = new NpgsqlCommand(Sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
