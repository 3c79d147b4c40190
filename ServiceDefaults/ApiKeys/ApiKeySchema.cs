using Npgsql;

namespace CdnPulse.ServiceDefaults.ApiKeys;

/// <summary>
/// Stored API keys (schema <c>auth</c>): only the SHA-256 of a key is kept, with a short preview to tell keys apart.
/// Revoking sets <c>revoked_at</c>; rows are kept for the record.
/// </summary>
public static class ApiKeySchema
{
    public const string Sql = """
        create schema if not exists auth;

        create table if not exists auth.api_keys (
            id uuid primary key,
            name text not null,
            key_hash bytea not null unique check (octet_length(key_hash) = 32),
            preview text not null,
            scopes text[] not null check (cardinality(scopes) > 0),
            created_at timestamptz not null default now(),
            revoked_at timestamptz);
        """;

    public static async Task ApplyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("select pg_advisory_xact_lock(hashtext('cdnpulse.auth.schema'))", connection, transaction))
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
