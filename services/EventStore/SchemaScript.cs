using Npgsql;

namespace CdnPulse.EventStore;

/// <summary>
/// Applies an idempotent schema script (<c>create ... if not exists</c>) once per call, safely from several processes
/// at once: the script runs in one transaction that first takes the transaction-level advisory lock
/// <c>hashtext(lockName)</c>, because <c>create ... if not exists</c> is not atomic in PostgreSQL. Used by the
/// services' schemas (<c>cdnpulse-admin migrate</c>); <see cref="EventStoreSchema"/> keeps its own two-int lock.
/// </summary>
public static class SchemaScript
{
    /// <summary>Runs <paramref name="sql"/> under the advisory lock named <paramref name="lockName"/> (e.g. <c>cdnpulse.metrics.schema</c>, one per schema).</summary>
    public static async Task ApplyAsync(NpgsqlDataSource dataSource, string lockName, string sql, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(lockName);
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("select pg_advisory_xact_lock(hashtext($1))", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter { Value = lockName });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
