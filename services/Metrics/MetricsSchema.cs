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

        -- Aggregation's ledger: a batch id here has been counted, in the same transaction as its contribution.
        create table if not exists metrics.counted_batches (
            batch_id text primary key,
            counted_at timestamptz not null default now());
        """;

    public static async Task ApplyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("select pg_advisory_xact_lock(hashtext('cdnpulse.metrics.schema'))", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var command = new NpgsqlCommand(Sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
