using Npgsql;

namespace CdnPulse.EventStore.Tests;

/// <summary>Small SQL helpers for assertions.</summary>
internal static class Database
{
    public static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static Task<long> CheckpointAsync(NpgsqlDataSource dataSource, string projection) =>
        ScalarAsync<long>(dataSource, "select coalesce((select position from eventstore.projection_checkpoints where name = $1), 0)", projection);
}
