using System.Collections.Concurrent;
using Npgsql;

namespace CdnPulse.EventStore.Tests;

/// <summary>
/// A projection for tests: one row per event (the primary key refuses a second application of a position) and per
/// stream a running md5 over its events in order, so a different order or a double application changes the dump.
/// It also counts, in memory, how often each position was handed to it.
/// </summary>
internal sealed class RecordingProjection : IProjection
{
    private int _batches;

    public string Name => "recording";

    public ConcurrentDictionary<long, int> Applications { get; } = new();

    /// <summary>Throw on reaching an event of this type, after writing the rows of the events before it.</summary>
    public string? FailOnType { get; set; }

    /// <summary>Called after each applied batch with its 1-based number.</summary>
    public Action<int>? AfterBatch { get; set; }

    public static async Task CreateTablesAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("""
            create schema test_projection;
            create table test_projection.events (
                position bigint primary key, stream_id text not null, version bigint not null, type text not null, data jsonb not null);
            create table test_projection.streams (
                stream_id text primary key, event_count bigint not null, last_version bigint not null, digest text not null);
            """);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> CountRowsAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("select count(*) from test_projection.events");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Both tables as COPY text, rows in key order: equal dumps mean byte-identical tables.</summary>
    public static async Task<string> DumpAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var dump = "";
        foreach (var query in new[] { "select * from test_projection.events order by position", "select * from test_projection.streams order by stream_id" })
        {
            using var reader = await connection.BeginTextExportAsync($"copy ({query}) to stdout");
            dump += await reader.ReadToEndAsync() + "--\n";
        }
        return dump;
    }

    public async Task ApplyAsync(IReadOnlyList<RecordedEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            Applications.AddOrUpdate(e.Position, 1, (_, count) => count + 1);
            if (e.Type == FailOnType)
            {
                throw new InvalidOperationException($"Projection refuses event {e.Position} of type {e.Type}.");
            }
            await using var batch = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands =
                {
                    Command("insert into test_projection.events values ($1, $2, $3, $4, $5::jsonb)",
                        e.Position, e.StreamId, e.Version, e.Type, e.Data.GetRawText()),
                    Command("""
                        insert into test_projection.streams as s values ($1, 1, $2, md5($3))
                        on conflict (stream_id) do update set
                            event_count = s.event_count + 1, last_version = excluded.last_version, digest = md5(s.digest || excluded.digest)
                        """, e.StreamId, e.Version, e.Data.GetRawText()),
                },
            };
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        AfterBatch?.Invoke(Interlocked.Increment(ref _batches));
    }

    public async Task ClearAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("truncate test_projection.events, test_projection.streams", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        return command;
    }
}
