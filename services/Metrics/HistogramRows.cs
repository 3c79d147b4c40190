using Npgsql;

namespace CdnPulse.Metrics;

/// <summary>
/// Histograms for <c>metrics.minute_latency</c>, written by one statement: the keys and the flattened buckets go as
/// arrays, are regrouped per key in SQL, and an existing row is added to with <c>metrics.add_histograms</c>.
/// </summary>
internal sealed class HistogramRows
{
    private const string Sql = """
        insert into metrics.minute_latency as m (domain, window_start, country, first_byte, buckets, counts)
        select k.domain, k.window_start, k.country, k.first_byte, array_agg(f.bucket order by f.bucket), array_agg(f.count order by f.bucket)
        from unnest($1::text[], $2::timestamptz[], $3::text[], $4::boolean[]) with ordinality as k(domain, window_start, country, first_byte, id)
        join unnest($5::bigint[], $6::int[], $7::bigint[]) as f(id, bucket, count) on f.id = k.id
        group by k.id, k.domain, k.window_start, k.country, k.first_byte
        on conflict (domain, window_start, country, first_byte) do update set (buckets, counts) =
            (select h.buckets, h.counts from metrics.add_histograms(m.buckets, m.counts, excluded.buckets, excluded.counts) as h)
        """;

    private readonly List<string> _domains = [];
    private readonly List<DateTimeOffset> _starts = [];
    private readonly List<string> _countries = [];
    private readonly List<bool> _firstByte = [];
    private readonly List<long> _ids = [];
    private readonly List<int> _buckets = [];
    private readonly List<long> _counts = [];

    public int Count => _domains.Count;

    public void Add(string domain, DateTimeOffset start, string country, bool firstByte, LatencyHistogram histogram)
    {
        if (histogram.IsEmpty)
        {
            return;
        }
        _domains.Add(domain);
        _starts.Add(start.ToUniversalTime());
        _countries.Add(country);
        _firstByte.Add(firstByte);
        foreach (var (bucket, count) in histogram.Buckets)
        {
            _ids.Add(_domains.Count);
            _buckets.Add(bucket);
            _counts.Add(count);
        }
    }

    public NpgsqlBatchCommand ToCommand() => new(Sql)
    {
        Parameters =
        {
            new NpgsqlParameter { Value = _domains.ToArray() },
            new NpgsqlParameter { Value = _starts.ToArray() },
            new NpgsqlParameter { Value = _countries.ToArray() },
            new NpgsqlParameter { Value = _firstByte.ToArray() },
            new NpgsqlParameter { Value = _ids.ToArray() },
            new NpgsqlParameter { Value = _buckets.ToArray() },
            new NpgsqlParameter { Value = _counts.ToArray() },
        },
    };
}
