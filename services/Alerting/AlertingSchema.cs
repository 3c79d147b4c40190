using CdnPulse.EventStore;
using Npgsql;

namespace CdnPulse.Alerting;

/// <summary>
/// Alerting's tables (schema <c>alerting</c>): the two alarm projections, webhook subscriptions, and the two outboxes
/// that state changes write in the transaction that appends them. Idempotent and safe to run concurrently (it
/// serialises on a transaction-level advisory lock), run by <c>cdnpulse-admin migrate</c>.
/// </summary>
public static class AlertingSchema
{
    public const string Sql = """
        create schema if not exists alerting;

        -- Projection "alerting-alarms": one row per alarm name; a deleted alarm stays as a tombstone with its version.
        create table if not exists alerting.alarms (
            alarm_name text primary key,
            stream_id text not null,
            version bigint not null,
            deleted boolean not null,
            domain text not null,
            definition jsonb not null,
            state_value text not null,
            state_reason text not null,
            state_reason_data text,
            state_updated_at timestamptz not null,
            configuration_updated_at timestamptz not null);
        create index if not exists alarms_domain on alerting.alarms (domain) where not deleted;

        -- Projection "alerting-alarm-history": one row per alarm event, keyed by its global position.
        create table if not exists alerting.alarm_history (
            position bigint primary key,
            alarm_name text not null,
            version bigint not null,
            occurred_at timestamptz not null,
            item_type text not null,
            summary text not null,
            data text not null);
        create index if not exists alarm_history_name on alerting.alarm_history (alarm_name, position);

        create table if not exists alerting.subscriptions (
            name text primary key,
            url text not null,
            secret text not null,
            created_at timestamptz not null);

        -- AlarmStateChanged messages to publish on the bus, one per state change (stream + version).
        create table if not exists alerting.bus_outbox (
            stream_id text not null,
            version bigint not null,
            message text not null,
            created_at timestamptz not null,
            published_at timestamptz,
            primary key (stream_id, version));
        create index if not exists bus_outbox_unpublished on alerting.bus_outbox (created_at) where published_at is null;

        -- Webhook deliveries, one per state change and target. The payload is the exact text that is signed and sent.
        -- status: pending -> in_flight -> delivered | pending (retry) | dead (the dead-letter record).
        create table if not exists alerting.deliveries (
            id bigint generated always as identity primary key,
            stream_id text not null,
            version bigint not null,
            alarm_name text not null,
            target text not null,
            new_state text not null,
            payload text not null,
            status text not null,
            attempts int not null,
            next_attempt_at timestamptz not null,
            lease_until timestamptz,
            last_error text,
            created_at timestamptz not null,
            completed_at timestamptz,
            unique (stream_id, version, target));
        create index if not exists deliveries_open on alerting.deliveries (next_attempt_at) where status in ('pending', 'in_flight');

        -- The delivery log: every attempt with its outcome.
        create table if not exists alerting.delivery_attempts (
            delivery_id bigint not null references alerting.deliveries (id) on delete cascade,
            attempt int not null,
            started_at timestamptz not null,
            duration_ms int not null,
            status_code int,
            error text,
            primary key (delivery_id, attempt));
        """;

    public const string LockName = "cdnpulse.alerting.schema";

    public static Task ApplyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        SchemaScript.ApplyAsync(dataSource, LockName, Sql, cancellationToken);
}
