using Npgsql;

namespace CdnPulse.Metrics;

/// <summary>
/// URL summaries for <c>metrics.minute_urls</c>, written by one statement: the keys and the flattened URLs go as arrays,
/// are regrouped per key in SQL, and an existing row is added to with <c>metrics.add_url_summaries</c>.
/// </summary>
internal sealed class UrlSummaryRows
{
    private const string Sql = """
        insert into metrics.minute_urls as m (domain, window_start, country, urls, requests, bytes)
        select k.domain, k.window_start, k.country, array_agg(f.url order by f.url collate "C"),
               array_agg(f.requests order by f.url collate "C"), array_agg(f.bytes order by f.url collate "C")
        from unnest($1::text[], $2::timestamptz[], $3::text[]) with ordinality as k(domain, window_start, country, id)
        join unnest($4::bigint[], $5::text[], $6::bigint[], $7::bigint[]) as f(id, url, requests, bytes) on f.id = k.id
        group by k.id, k.domain, k.window_start, k.country
        on conflict (domain, window_start, country) do update set (urls, requests, bytes) =
            (select u.urls, u.requests, u.bytes from metrics.add_url_summaries(m.urls, m.requests, m.bytes, excluded.urls, excluded.requests, excluded.bytes) as u)
        """;

    private readonly List<string> _domains = [];
    private readonly List<DateTimeOffset> _starts = [];
    private readonly List<string> _countries = [];
    private readonly List<long> _ids = [];
    private readonly List<string> _urls = [];
    private readonly List<long> _requests = [];
    private readonly List<long> _bytes = [];

    public int Count => _domains.Count;

    public void Add(string domain, DateTimeOffset start, string country, UrlSummary summary)
    {
        if (summary.Count == 0)
        {
            return;
        }
        _domains.Add(domain);
        _starts.Add(start.ToUniversalTime());
        _countries.Add(country);
        foreach (var (url, tally) in summary.Urls)
        {
            _ids.Add(_domains.Count);
            _urls.Add(url);
            _requests.Add(tally.Requests);
            _bytes.Add(tally.Bytes);
        }
    }

    public NpgsqlBatchCommand ToCommand() => new(Sql)
    {
        Parameters =
        {
            new NpgsqlParameter { Value = _domains.ToArray() },
            new NpgsqlParameter { Value = _starts.ToArray() },
            new NpgsqlParameter { Value = _countries.ToArray() },
            new NpgsqlParameter { Value = _ids.ToArray() },
            new NpgsqlParameter { Value = _urls.ToArray() },
            new NpgsqlParameter { Value = _requests.ToArray() },
            new NpgsqlParameter { Value = _bytes.ToArray() },
        },
    };
}
