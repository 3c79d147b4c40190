using CdnPulse.EventStore;
using Npgsql;

namespace CdnPulse.Ingest;

/// <summary>
/// Ingest's tables (schema <c>ingest</c>). <c>shard_checkpoints</c> holds, per Kinesis shard, where it has been read up
/// to and which instance holds its lease: <c>lease_counter</c> grows with every acquisition, so a stale owner's
/// conditional writes (owner and counter must match) change nothing. <c>pending_first</c>/<c>pending_last</c> name the
/// batch being published, so an instance that takes the shard over re-publishes exactly that range under the same
/// batch id. <c>consumer_instances</c> lists live instances for the fair share; <c>firehose_requests</c> remembers
/// recently delivered Firehose request ids.
/// </summary>
public static class IngestSchema
{
    public const string Sql = """
        create schema if not exists ingest;

        create table if not exists ingest.shard_checkpoints (
            stream text not null,
            shard_id text not null,
            sequence_number text,
            finished boolean not null default false,
            updated_at timestamptz not null default now(),
            primary key (stream, shard_id));

        alter table ingest.shard_checkpoints
            add column if not exists lease_owner text,
            add column if not exists lease_expires_at timestamptz,
            add column if not exists lease_counter bigint not null default 0,
            add column if not exists pending_first text,
            add column if not exists pending_last text;

        create table if not exists ingest.consumer_instances (
            stream text not null,
            instance_id text not null,
            heartbeat_at timestamptz not null,
            primary key (stream, instance_id));

        create table if not exists ingest.firehose_requests (
            request_id text primary key,
            received_at timestamptz not null default now(),
            accepted_lines integer not null,
            rejected_lines integer not null);

        create index if not exists firehose_requests_received_at on ingest.firehose_requests (received_at);
        """;

    public const string LockName = "cdnpulse.ingest.schema";

    public static Task ApplyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        SchemaScript.ApplyAsync(dataSource, LockName, Sql, cancellationToken);
}
