using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CdnPulse.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CdnPulse.Alerting.Notifications;

/// <summary>
/// Publishes AlarmStateChanged from the bus outbox after the state change has committed. Rows are locked
/// (<c>skip locked</c>) while they are published, then marked in the same transaction; a crash in between publishes
/// them again, with the same message id and idempotency key, so consumers can drop the copy.
/// </summary>
internal sealed class BusOutboxPublisher(
    NpgsqlDataSource dataSource,
    IBus bus,
    BusOutboxSignal signal,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<BusOutboxPublisher> logger) : BackgroundService
{
    private const int BatchSize = 50;
    private static readonly TimeSpan FailureBackoff = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await PublishBatchAsync(stoppingToken) < BatchSize)
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                AlertingLog.OutboxFailed(logger, ex, FailureBackoff);
                await Task.Delay(FailureBackoff, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var pending = new List<(string StreamId, long Version, string Message)>();
        await using (var select = new NpgsqlCommand("""
            select stream_id, version, message from alerting.bus_outbox
            where published_at is null order by created_at, stream_id, version limit $1
            for update skip locked
            """, connection, transaction))
        {
            select.Parameters.Add(new NpgsqlParameter { Value = BatchSize });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                pending.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
            }
        }
        foreach (var (_, _, text) in pending)
        {
            var message = JsonSerializer.Deserialize<AlarmStateChanged>(text, AlertingJson.Options)!;
            await bus.Publish(message, context => context.MessageId = MessageId(message.IdempotencyKey), cancellationToken);
        }
        if (pending.Count > 0)
        {
            await using var mark = new NpgsqlCommand("""
                update alerting.bus_outbox set published_at = $3
                where (stream_id, version) in (select * from unnest($1::text[], $2::bigint[]))
                """, connection, transaction);
            mark.Parameters.Add(new NpgsqlParameter { Value = pending.Select(p => p.StreamId).ToArray() });
            mark.Parameters.Add(new NpgsqlParameter { Value = pending.Select(p => p.Version).ToArray() });
            mark.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow().ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return pending.Count;
    }

    /// <summary>The same message id for every copy of one state change.</summary>
    internal static Guid MessageId(string idempotencyKey) => new(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)).AsSpan(0, 16));
}
