using CdnPulse.EventStore;
using Npgsql;

namespace CdnPulse.Metrics;

/// <summary>
/// Tables of the metric read model (schema <c>metrics</c>) and Aggregation's record of counted batches. Integer sums
/// only (time in microseconds), so rows are exact and a rebuild reproduces them byte for byte.
/// </summary>
public static class MetricsSchema
{
    public const string Sql = """
        create schema if not exists metrics;

        create table if not exists metrics.minute_stats (
            domain text not null,
            window_start timestamptz not null,
            country text not null,
            requests bigint not null,
            bytes bigint not null,
            time_taken_us bigint not null,
            origin_requests bigint not null,
            origin_bytes bigint not null,
            origin_time_taken_us bigint not null,
            hit_rate_requests bigint not null,
            hit_requests bigint not null,
            hit_rate_bytes bigint not null,
            hit_bytes bigint not null,
            latency_300 bigint not null,
            latency_600 bigint not null,
            latency_1000 bigint not null,
            primary key (domain, window_start, country));

        create table if not exists metrics.minute_status (
            domain text not null,
            window_start timestamptz not null,
            country text not null,
            origin boolean not null,
            status int not null,
            requests bigint not null,
            time_taken_us bigint not null,
            primary key (domain, window_start, country, origin, status));

        create table if not exists metrics.minute_edge (
            domain text not null,
            window_start timestamptz not null,
            country text not null,
            edge_type text not null,
            requests bigint not null,
            time_taken_us bigint not null,
            primary key (domain, window_start, country, edge_type));

        -- Latency histograms (LatencyHistogram) of time-taken (first_byte = false) or time-to-first-byte: the requests per
        -- log-linear bucket, as parallel arrays sorted by bucket. A row per window and country keeps the projection fast.
        create table if not exists metrics.minute_latency (
            domain text not null,
            window_start timestamptz not null,
            country text not null,
            first_byte boolean not null,
            buckets int[] not null,
            counts bigint[] not null,
            primary key (domain, window_start, country, first_byte));

        -- URL heavy hitters: the sum of the contributions' summaries (UrlSummary), lower bounds with a known error, as
        -- parallel arrays sorted by url (byte order).
        create table if not exists metrics.minute_urls (
            domain text not null,
            window_start timestamptz not null,
            country text not null,
            urls text[] not null,
            requests bigint[] not null,
            bytes bigint[] not null,
            primary key (domain, window_start, country));

        -- Adds two histograms bucket by bucket; the result is sorted by bucket, so any order of additions gives the same arrays.
        create or replace function metrics.add_histograms(b1 int[], c1 bigint[], b2 int[], c2 bigint[], out buckets int[], out counts bigint[])
            language sql immutable parallel safe as $f$
            select coalesce(array_agg(b order by b), '{}'), coalesce(array_agg(c order by b), '{}')
            from (select b, sum(c)::bigint as c from unnest(b1 || b2, c1 || c2) as t(b, c) group by b) as s
            $f$;

        -- Adds two URL summaries path by path; the result is sorted by path in byte order.
        create or replace function metrics.add_url_summaries(u1 text[], r1 bigint[], y1 bigint[], u2 text[], r2 bigint[], y2 bigint[],
                out urls text[], out requests bigint[], out bytes bigint[])
            language sql immutable parallel safe as $f$
            select coalesce(array_agg(u order by u collate "C"), '{}'), coalesce(array_agg(r order by u collate "C"), '{}'),
                   coalesce(array_agg(y order by u collate "C"), '{}')
            from (select u, sum(r)::bigint as r, sum(y)::bigint as y from unnest(u1 || u2, r1 || r2, y1 || y2) as t(u, r, y) group by u) as s
            $f$;

        -- Download-speed buckets per country × ISP, for the CDN rows (origin = false) and the origin rows (origin = true).
        create table if not exists metrics.minute_speed (
            domain text not null,
            window_start timestamptz not null,
            country text not null,
            isp text not null,
            origin boolean not null,
            under_250k bigint not null,
            under_500k bigint not null,
            under_750k bigint not null,
            under_1m bigint not null,
            under_2m bigint not null,
            under_3m bigint not null,
            under_4m bigint not null,
            other bigint not null,
            primary key (domain, window_start, country, isp, origin));

        -- Lines Aggregation refused because their window was older than the retention, counted once per batch.
        create table if not exists metrics.dropped_late_lines (
            domain text primary key,
            lines bigint not null,
            oldest_window timestamptz not null,
            newest_window timestamptz not null,
            last_dropped_at timestamptz not null default now());

        -- Aggregation's ledger: a batch id here has been counted, in the same transaction as its contribution.
        create table if not exists metrics.counted_batches (
            batch_id text primary key,
            counted_at timestamptz not null default now());
        """;

    public const string LockName = "cdnpulse.metrics.schema";

    public static Task ApplyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        SchemaScript.ApplyAsync(dataSource, LockName, Sql, cancellationToken);
}
