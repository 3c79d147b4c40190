using Npgsql;
using NpgsqlTypes;

namespace CdnPulse.Alerting;

/// <summary>Batch commands with positional parameters; a <see cref="DateTimeOffset"/> goes as UTC <c>timestamptz</c>.</summary>
internal static class AlertingSql
{
    public static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value is DateTimeOffset time
                ? new NpgsqlParameter { Value = time.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz }
                : new NpgsqlParameter { Value = value });
        }
        return command;
    }
}
