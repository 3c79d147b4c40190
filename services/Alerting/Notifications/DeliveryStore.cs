using Npgsql;
using NpgsqlTypes;

namespace CdnPulse.Alerting.Notifications;

/// <summary>
/// The webhook outbox (<c>alerting.deliveries</c>) and its log (<c>alerting.delivery_attempts</c>). A delivery is
/// claimed for one attempt under a lease (<c>for update skip locked</c>, so instances never take the same one); the
/// attempt's outcome is written only while the claim still holds, so a delivery is sent again only if its instance
/// died before recording the outcome. Per alarm and target, deliveries go out in version order: a later state change
/// waits while an earlier one is still open.
/// </summary>
internal sealed class DeliveryStore(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(int limit, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // A claim whose lease ran out belongs to an instance that stopped mid-attempt: it is due again.
        await using (var recover = new NpgsqlCommand("""
            update alerting.deliveries set status = 'pending', lease_until = null
            where status = 'in_flight' and lease_until < $1
            """, connection))
        {
            recover.Parameters.Add(Time(now));
            await recover.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var claim = new NpgsqlCommand("""
            with due as (
                select d.id from alerting.deliveries d
                where d.status = 'pending' and d.next_attempt_at <= $1
                  and not exists (
                      select 1 from alerting.deliveries e
                      where e.stream_id = d.stream_id and e.target = d.target and e.version < d.version
                        and e.status in ('pending', 'in_flight'))
                order by d.next_attempt_at, d.id
                limit $2
                for update skip locked)
            update alerting.deliveries d
            set status = 'in_flight', attempts = d.attempts + 1, lease_until = $3
            from due where d.id = due.id
            returning d.id, d.stream_id, d.version, d.alarm_name, d.target, d.new_state, d.payload, d.attempts
            """, connection);
        claim.Parameters.Add(Time(now));
        claim.Parameters.Add(new NpgsqlParameter { Value = limit });
        claim.Parameters.Add(Time(now + lease));
        var claimed = new List<ClaimedDelivery>();
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedDelivery(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetInt32(7)));
        }
        return claimed;
    }

    /// <summary>
    /// Logs the attempt and moves the delivery on: delivered, dead, or pending until <paramref name="nextAttemptAt"/>.
    /// False when the claim had been lost (lease expired and taken over): then nothing is written.
    /// </summary>
    public async Task<bool> CompleteAttemptAsync(ClaimedDelivery delivery, DeliveryAttempt attempt, string status, DateTimeOffset? nextAttemptAt,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var update = new NpgsqlCommand("""
            update alerting.deliveries
            set status = $3, next_attempt_at = coalesce($4, next_attempt_at), lease_until = null, last_error = $5,
                completed_at = case when $3 in ('delivered', 'dead') then $6 end
            where id = $1 and status = 'in_flight' and attempts = $2
            """, connection, transaction))
        {
            update.Parameters.Add(new NpgsqlParameter { Value = delivery.Id });
            update.Parameters.Add(new NpgsqlParameter { Value = delivery.Attempt });
            update.Parameters.Add(new NpgsqlParameter { Value = status });
            update.Parameters.Add(Time(nextAttemptAt));
            update.Parameters.Add(new NpgsqlParameter { Value = (object?)attempt.Error ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            update.Parameters.Add(Time(now));
            if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }
        }
        await using (var log = new NpgsqlCommand("""
            insert into alerting.delivery_attempts (delivery_id, attempt, started_at, duration_ms, status_code, error)
            values ($1, $2, $3, $4, $5, $6)
            """, connection, transaction))
        {
            log.Parameters.Add(new NpgsqlParameter { Value = delivery.Id });
            log.Parameters.Add(new NpgsqlParameter { Value = attempt.Attempt });
            log.Parameters.Add(Time(attempt.StartedAt));
            log.Parameters.Add(new NpgsqlParameter { Value = attempt.DurationMs });
            log.Parameters.Add(new NpgsqlParameter { Value = (object?)attempt.StatusCode ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
            log.Parameters.Add(new NpgsqlParameter { Value = (object?)attempt.Error ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            await log.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<Delivery>> QueryAsync(DeliveryQuery query, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select d.id, d.alarm_name, d.stream_id, d.version, d.target, d.new_state, d.status, d.attempts, d.next_attempt_at,
                   d.last_error, d.created_at, d.completed_at,
                   coalesce((select json_agg(json_build_object('a', a.attempt, 's', a.started_at, 'd', a.duration_ms, 'c', a.status_code, 'e', a.error)
                                            order by a.attempt)
                             from alerting.delivery_attempts a where a.delivery_id = d.id), '[]')::text
            from alerting.deliveries d
            where ($1::text is null or d.alarm_name = $1)
              and ($2::text is null or d.target = $2)
              and ($3::text is null or d.status = $3)
              and ($4::bigint is null or d.id < $4)
            order by d.id desc
            limit $5
            """);
        command.Parameters.Add(Text(query.AlarmName));
        command.Parameters.Add(Text(query.Target));
        command.Parameters.Add(Text(query.Status));
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.NextToken ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = query.MaxRecords });
        var deliveries = new List<Delivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var status = reader.GetString(6);
            deliveries.Add(new Delivery(
                reader.GetInt64(0),
                reader.GetString(1),
                Alarms.AlarmStream.IdempotencyKey(reader.GetString(2), reader.GetInt64(3)),
                reader.GetString(4),
                reader.GetString(5),
                status,
                reader.GetInt32(7),
                status is DeliveryStatus.Pending or DeliveryStatus.InFlight ? reader.GetFieldValue<DateTimeOffset>(8) : null,
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.GetFieldValue<DateTimeOffset>(10),
                reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
                Attempts(reader.GetString(12))));
        }
        return deliveries;
    }

    private static List<DeliveryAttempt> Attempts(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(a => new DeliveryAttempt(
            a.GetProperty("a").GetInt32(),
            a.GetProperty("s").GetDateTimeOffset(),
            a.GetProperty("d").GetInt32(),
            a.GetProperty("c").ValueKind == System.Text.Json.JsonValueKind.Null ? null : a.GetProperty("c").GetInt32(),
            a.GetProperty("e").ValueKind == System.Text.Json.JsonValueKind.Null ? null : a.GetProperty("e").GetString())).ToList();
    }

    private static NpgsqlParameter Time(DateTimeOffset? time) =>
        new() { Value = (object?)time?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };
}
