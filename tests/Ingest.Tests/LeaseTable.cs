using Npgsql;

namespace CdnPulse.Ingest.Tests;

/// <summary>Reads the shard lease table as an operator would.</summary>
internal static class LeaseTable
{
    public sealed record Row(string ShardId, string? Owner, bool Live, bool Finished, string? Checkpoint);

    public static async Task<IReadOnlyList<Row>> ReadAsync(NpgsqlDataSource database, string stream)
    {
        await using var command = database.CreateCommand("""
            select shard_id, lease_owner, coalesce(lease_expires_at > now(), false), finished, sequence_number
            from ingest.shard_checkpoints where stream = $1 order by shard_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = stream });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Row>();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetBoolean(2), reader.GetBoolean(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return rows;
    }

    /// <summary>Live leases per owner over the shards not yet finished.</summary>
    public static async Task<Dictionary<string, int>> HeldAsync(NpgsqlDataSource database, string stream) =>
        (await ReadAsync(database, stream)).Where(r => r.Live && !r.Finished && r.Owner is not null)
            .GroupBy(r => r.Owner!).ToDictionary(g => g.Key, g => g.Count());

    public static string Describe(IEnumerable<Row> rows) =>
        string.Join("; ", rows.Select(r => $"{r.ShardId}: owner={r.Owner ?? "-"} live={r.Live} finished={r.Finished} at={r.Checkpoint ?? "-"}"));
}
