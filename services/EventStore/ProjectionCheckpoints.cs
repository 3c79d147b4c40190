using Npgsql;

namespace CdnPulse.EventStore;

/// <summary>
/// The checkpoint row of a projection is also its lock: whoever holds it <c>for update</c> is the only one applying
/// events to the projection until its transaction ends. Moves are conditional on the old value.
/// </summary>
internal static class ProjectionCheckpoints
{
    public static async Task EnsureAsync(NpgsqlDataSource dataSource, string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into eventstore.projection_checkpoints (name, position, updated_at) values ($1, 0, now())
            on conflict (name) do nothing
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Locks the row and returns the position; null when another transaction holds it (with <paramref name="skipLocked"/>) or it is missing.</summary>
    public static async Task<long?> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string name, bool skipLocked, CancellationToken cancellationToken)
    {
        var sql = "select position from eventstore.projection_checkpoints where name = $1 for update" + (skipLocked ? " skip locked" : "");
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        return await command.ExecuteScalarAsync(cancellationToken) is long position ? position : null;
    }

    public static async Task<long> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select position from eventstore.projection_checkpoints where name = $1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        return await command.ExecuteScalarAsync(cancellationToken) is long position ? position : 0;
    }

    public static async Task MoveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string name, long from, long to, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            update eventstore.projection_checkpoints set position = $3, updated_at = now()
            where name = $1 and position = $2
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = from });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = to });
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            // Only possible if someone wrote the row without its lock; rolling back keeps writes and checkpoint together.
            throw new InvalidOperationException($"The checkpoint of projection '{name}' is no longer at {from}: refusing to move it to {to}.");
        }
    }
}
