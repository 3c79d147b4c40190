using CdnPulse.EventStore;
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

    public const string LockName = "cdnpulse.auth.schema";

    public static Task ApplyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        SchemaScript.ApplyAsync(dataSource, LockName, Sql, cancellationToken);
}
