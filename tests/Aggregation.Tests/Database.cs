using System.Text;
using CdnPulse.Metrics;
using Npgsql;

namespace CdnPulse.Aggregation.Tests;

/// <summary>Reads of the events database that the public API does not offer: projection progress and table dumps.</summary>
internal static class Database
{
    public static async Task<long> ScalarAsync(NpgsqlDataSource events, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = events.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }

    /// <summary>Waits until the minute projection has applied everything appended so far.</summary>
    public static async Task WaitForProjectionAsync(NpgsqlDataSource events, CancellationToken cancellationToken)
    {
        var mark = await new EventStore.EventStore(events).GetHighWaterMarkAsync(cancellationToken);
        await Eventually.ReachesAsync(
            () => ScalarAsync(events, "select coalesce(max(position), 0) from eventstore.projection_checkpoints where name = $1", cancellationToken,
                MinuteStatsProjection.ProjectionName),
            checkpoint => checkpoint >= mark, TimeSpan.FromSeconds(60), checkpoint => $"projection at {checkpoint}, events up to {mark}", cancellationToken);
    }

    /// <summary>Every row of every table the minute projection writes, in primary-key order, as COPY text.</summary>
    public static async Task<string> DumpAsync(NpgsqlDataSource events, CancellationToken cancellationToken)
    {
        await using var connection = await events.OpenConnectionAsync(cancellationToken);
        var dump = new StringBuilder();
        foreach (var table in MinuteStatsProjection.Tables)
        {
            var keyColumns = await KeyColumnsAsync(connection, table, cancellationToken);
            dump.Append("-- ").AppendLine(table);
            using var reader = await connection.BeginTextExportAsync(
                $"copy (select * from {table} order by {string.Join(", ", keyColumns)}) to stdout",
                cancellationToken);
            dump.Append(await reader.ReadToEndAsync(cancellationToken));
        }
        return dump.ToString();
    }

    private static async Task<List<string>> KeyColumnsAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            select a.attname from pg_index i
            join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
            where i.indrelid = $1::regclass and i.indisprimary
            order by array_position(i.indkey::int2[], a.attnum)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.Add(reader.GetString(0));
        }
        Assert.NotEmpty(columns);
        return columns;
    }
}
