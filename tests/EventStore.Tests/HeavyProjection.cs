using System.Collections.Concurrent;
using Npgsql;

namespace CdnPulse.EventStore.Tests;

/// <summary>
/// A projection whose batches cost work in PostgreSQL: a row per event, then <c>pg_sleep</c> of
/// <see cref="SecondsPerEvent"/> per event in the batch, or of <see cref="StallSeconds"/> when the batch holds more
/// than <see cref="StallAbove"/> events (as a batch of busy contributions that never commits). It records every
/// batch's size.
/// </summary>
internal sealed class HeavyProjection : IProjection
{
    public string Name => "heavy";

    /// <summary>Changeable while a daemon runs.</summary>
    public double SecondsPerEvent { get; set; }

    public int StallAbove { get; init; } = int.MaxValue;

    public double StallSeconds { get; init; } = 30;

    public ConcurrentQueue<int> BatchSizes { get; } = new();

    public static async Task CreateTablesAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("create table heavy_events (position bigint primary key)");
        await command.ExecuteNonQueryAsync();
    }

    public async Task ApplyAsync(IReadOnlyList<RecordedEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var seconds = events.Count > StallAbove ? StallSeconds : SecondsPerEvent * events.Count;
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("insert into heavy_events select unnest($1::bigint[])") { Parameters = { new NpgsqlParameter { Value = events.Select(e => e.Position).ToArray() } } },
                new NpgsqlBatchCommand("select pg_sleep($1)") { Parameters = { new NpgsqlParameter { Value = seconds } } },
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
        BatchSizes.Enqueue(events.Count);
    }

    public async Task ClearAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("truncate heavy_events", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
