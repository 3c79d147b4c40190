using Npgsql;
using NpgsqlTypes;

namespace CdnPulse.ServiceDefaults.ApiKeys;

/// <summary>
/// Keys in PostgreSQL (<see cref="ApiKeySchema"/>): create (the key is returned once, its hash stored), list, revoke,
/// and find an active key by the hash of what a client presented.
/// </summary>
public sealed class ApiKeyStore(NpgsqlDataSource dataSource)
{
    public const int MaxNameLength = 100;

    /// <summary>Checks a create request; on failure names the field (<c>name</c> or <c>scopes</c>) and says why.</summary>
    public static bool TryValidate(string? name, IReadOnlyList<string>? scopes, out string field, out string message)
    {
        (field, message) = ("", "");
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
        {
            (field, message) = ("name", $"name is required: 1 to {MaxNameLength} characters saying who or what uses the key.");
        }
        else if (scopes is null || scopes.Count == 0)
        {
            (field, message) = ("scopes", "scopes is required: one or more of " + string.Join(", ", ApiKeyScopes.All) + ".");
        }
        else if (scopes.FirstOrDefault(s => !ApiKeyScopes.IsKnown(s)) is { } unknown)
        {
            (field, message) = ("scopes", $"Unknown scope '{unknown}': use " + string.Join(", ", ApiKeyScopes.All) + ".");
        }
        return field.Length == 0;
    }

    public async Task<CreatedApiKey> CreateAsync(string name, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        if (!TryValidate(name, scopes, out var field, out var message))
        {
            throw new ArgumentException(message, field);
        }
        var key = ApiKeyGenerator.NewKey();
        var distinct = scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        await using var command = dataSource.CreateCommand("""
            insert into auth.api_keys (id, name, key_hash, preview, scopes) values ($1, $2, $3, $4, $5)
            returning created_at
            """);
        var id = Guid.CreateVersion7();
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name.Trim() });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = ApiKeyHash.Of(key) });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ApiKeyGenerator.Preview(key) });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = distinct, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        var createdAt = (DateTime)(await command.ExecuteScalarAsync(cancellationToken))!;
        var record = new ApiKeyRecord(id, name.Trim(), ApiKeyGenerator.Preview(key), distinct, new DateTimeOffset(createdAt, TimeSpan.Zero), null);
        return new CreatedApiKey(record, key);
    }

    /// <summary>Every key, newest first; revoked ones only when asked.</summary>
    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(bool includeRevoked, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select id, name, preview, scopes, created_at, revoked_at from auth.api_keys
            where $1 or revoked_at is null
            order by created_at desc, id desc
            """);
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = includeRevoked });
        var keys = new List<ApiKeyRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(Record(reader));
        }
        return keys;
    }

    /// <summary>Revokes a key (a second revoke keeps the first time); null when there is no such key.</summary>
    public async Task<ApiKeyRecord?> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update auth.api_keys set revoked_at = coalesce(revoked_at, now()) where id = $1
            returning id, name, preview, scopes, created_at, revoked_at
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Record(reader) : null;
    }

    /// <summary>The active key with this hash, compared again in constant time after the index look-up; null if none.</summary>
    public async Task<ApiKeyIdentity?> FindActiveAsync(byte[] hash, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select id, name, scopes, key_hash from auth.api_keys where key_hash = $1 and revoked_at is null");
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = hash });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || !ApiKeyHash.Equal(hash, reader.GetFieldValue<byte[]>(3)))
        {
            return null;
        }
        return new ApiKeyIdentity(reader.GetGuid(0).ToString(), reader.GetString(1), reader.GetFieldValue<string[]>(2), IsBootstrap: false);
    }

    private static ApiKeyRecord Record(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<string[]>(3),
        reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5));
}
