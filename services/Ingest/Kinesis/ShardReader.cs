using CdnPulse.CdnLogs;
using CdnPulse.Contracts;
using CdnPulse.Ingest.Publishing;
using CdnPulse.Kinesis;
using CdnPulse.Kinesis.Model;

namespace CdnPulse.Ingest.Kinesis;

/// <summary>
/// Reads one shard: GetRecords → parse → publish → checkpoint, in that order, so a crash re-reads at most the batch
/// that was not yet checkpointed, and its deterministic id (stream, shard, first–last sequence) lets downstream
/// drop what was already counted. Backs off on throttling; stops when a closed shard is read to its end.
/// </summary>
internal sealed class ShardReader(
    string stream,
    string shardId,
    KinesisClient client,
    RealtimeLogParser parser,
    LogBatchPublisher publisher,
    ShardCheckpointStore checkpoints,
    IngestMetrics metrics,
    ILogger<ShardReader> logger)
{
    private const int RecordsPerCall = 1000;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan IdleInterval = TimeSpan.FromSeconds(1);

    public async Task RunAsync(string? checkpoint, CancellationToken cancellationToken)
    {
        var lastSequence = checkpoint;
        string? iterator = null;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                iterator ??= lastSequence is null
                    ? await client.GetShardIteratorAsync(stream, shardId, ShardIteratorType.TrimHorizon, cancellationToken: cancellationToken)
                    : await client.GetShardIteratorAsync(stream, shardId, ShardIteratorType.AfterSequenceNumber, lastSequence, cancellationToken: cancellationToken);
                var result = await client.GetRecordsAsync(iterator, RecordsPerCall, cancellationToken);
                if (result.MillisBehindLatest is { } behind)
                {
                    metrics.MillisBehindLatest(shardId, behind);
                }
                if (result.Records.Count > 0)
                {
                    await PublishAsync(result.Records, cancellationToken);
                    lastSequence = result.Records[^1].SequenceNumber;
                    await checkpoints.SaveAsync(stream, shardId, lastSequence, finished: false, cancellationToken);
                }
                if (result.NextShardIterator is null)
                {
                    await checkpoints.SaveAsync(stream, shardId, lastSequence, finished: true, cancellationToken);
                    IngestLog.ShardFinished(logger, shardId);
                    return;
                }
                iterator = result.NextShardIterator;
                failures = 0;
                await Task.Delay(result.Records.Count == 0 ? IdleInterval : PollInterval, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is KinesisException or HttpRequestException or Npgsql.NpgsqlException or TimeoutException
                                           or MassTransit.MassTransitException)
            {
                // An expired iterator, throttling or a broken connection: start again from the last checkpoint.
                iterator = null;
                var delay = (int)Math.Min(30_000, 250 * Math.Pow(2, Math.Min(failures++, 7)));
                IngestLog.ReadFailed(logger, ex, shardId, delay);
                await Task.Delay(delay + Random.Shared.Next(0, 250), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task PublishAsync(IReadOnlyList<KinesisRecord> records, CancellationToken cancellationToken)
    {
        var first = records[0].SequenceNumber;
        var last = records[^1].SequenceNumber;
        using var activity = IngestMetrics.ActivitySource.StartActivity("kinesis batch");
        activity?.SetTag("aws.kinesis.stream", stream);
        activity?.SetTag("aws.kinesis.shard_id", shardId);
        activity?.SetTag("cdnpulse.kinesis.records", records.Count);

        var accepted = new List<CdnRequest>(records.Count);
        var rejects = new RejectCounter();
        foreach (var record in records)
        {
            parser.ParseBatch(record.Data.Span, accepted, rejects);
        }
        await publisher.PublishAsync("kinesis", $"kinesis:{stream}:{shardId}:{first}-{last}", accepted, rejects, cancellationToken);
        activity?.SetTag("cdnpulse.lines.accepted", accepted.Count);
        activity?.SetTag("cdnpulse.lines.rejected", rejects.Total);
        IngestLog.Published(logger, shardId, accepted.Count, rejects.Total, last);
    }
}
