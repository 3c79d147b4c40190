using Npgsql;

namespace CdnPulse.MetricsQuery.Native;

/// <summary>
/// The two look-ups the native API needs beyond <c>MinuteStatsReader</c>: which domains have data, and a domain's
/// countries ranked by requests over a range. Both read <c>metrics.minute_stats</c> through its primary key
/// (domain, window_start, country).
/// </summary>
internal sealed class ReadModelQueries(NpgsqlDataSource dataSource)
{
    public const int MaxDomains = 1000;

    /// <summary>Domains in name order; a loose index scan, so the cost grows with the number of domains, not of rows.</summary>
    public async Task<IReadOnlyList<DomainInfo>> DomainsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            with recursive d(domain) as (
                (select domain from metrics.minute_stats order by domain limit 1)
                union all
                select (select m.domain from metrics.minute_stats m where m.domain > d.domain order by m.domain limit 1)
                from d where d.domain is not null)
            select d.domain, (select max(m.window_start) from metrics.minute_stats m where m.domain = d.domain)
            from d where d.domain is not null
            limit {MaxDomains}
            """);
        var domains = new List<DomainInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            domains.Add(new DomainInfo(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
        }
        return domains;
    }

    /// <summary>Countries of a domain with their requests over minutes in [from, to), most first (ties by code).</summary>
    public async Task<IReadOnlyList<(string Country, long Requests)>> CountriesAsync(
        string domain, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select country, sum(requests)::bigint from metrics.minute_stats
            where domain = $1 and window_start >= $2 and window_start < $3
            group by country order by 2 desc, country collate "C"
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = domain });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = from.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = to.ToUniversalTime() });
        var countries = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            countries.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        return countries;
    }
}
