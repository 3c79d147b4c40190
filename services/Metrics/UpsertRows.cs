using Npgsql;

namespace CdnPulse.Metrics;

/// <summary>
/// Rows for one table, written by one statement: <c>insert … select * from unnest(arrays) on conflict (key) do update</c>
/// adding every value column to the stored row. The caller supplies each key once (rows merged in memory first),
/// in a deterministic order.
/// </summary>
internal sealed class UpsertRows(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<(string Name, string Type)> columns)
{
    private readonly List<object[]> _rows = [];

    public int Count => _rows.Count;

    public void Add(params object[] values)
    {
        if (values.Length != columns.Count)
        {
            throw new ArgumentException($"{table} takes {columns.Count} values, not {values.Length}.", nameof(values));
        }
        _rows.Add(values);
    }

    public NpgsqlBatchCommand ToCommand()
    {
        var names = string.Join(", ", columns.Select(c => c.Name));
        var arrays = string.Join(", ", columns.Select((c, i) => $"${i + 1}::{c.Type}[]"));
        var sums = string.Join(", ", columns.Where(c => !keyColumns.Contains(c.Name))
            .Select(c => $"{c.Name} = m.{c.Name} + excluded.{c.Name}"));
        var command = new NpgsqlBatchCommand(
            $"insert into {table} as m ({names}) select * from unnest({arrays}) on conflict ({string.Join(", ", keyColumns)}) do update set {sums}");
        for (var i = 0; i < columns.Count; i++)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = Column(i, columns[i].Type) });
        }
        return command;
    }

    private Array Column(int i, string type) => type switch
    {
        "text" => _rows.Select(r => (string)r[i]).ToArray(),
        "timestamptz" => _rows.Select(r => ((DateTimeOffset)r[i]).ToUniversalTime()).ToArray(),
        "bigint" => _rows.Select(r => (long)r[i]).ToArray(),
        "int" => _rows.Select(r => (int)r[i]).ToArray(),
        "boolean" => _rows.Select(r => (bool)r[i]).ToArray(),
        _ => throw new InvalidOperationException($"Column type {type} is not supported."),
    };
}
