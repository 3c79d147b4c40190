using CdnPulse.CdnLogs;
using CdnPulse.Contracts;
using CdnPulse.Ingest.Publishing;
using CdnPulse.Kinesis;
using CdnPulse.Kinesis.Model;

namespace CdnPulse.Ingest.Kinesis;

/// <summary>
/// Reads one leased shard: GetRecords → announce the range → publish → checkpoint, in that order. The batch id is
/// <c>kinesis:&lt;stream&gt;:&lt;shard&gt;:&lt;first&gt;-&lt;last&gt;</c>; a batch whose publish or checkpoint failed is
/// published again as exactly the same records (in process), and a successor that finds an announced range re-reads
/// exactly that range, so every re-publication carries an id downstream has seen and drops. Every write is
/// conditional on the lease: once it has changed hands this reader stops without moving anything. Backs off on
/// throttling; finishes (and frees the children) when a closed shard is read to its end.
/// </summary>
internal sealed class ShardReader(
    ShardLease lease,
    KinesisClient client,
    RealtimeLogParser parser,
    LogBatchPublisher publisher,
    ShardLeaseStore leases,
    IngestMetrics metrics,
    ILogger<ShardReader> logger)
{
    private const int RecordsPerCall = 1000;
    private const int MaxReplayCalls = 100;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan IdleInterval = TimeSpan.FromSeconds(1);

    private string Stream => lease.Stream;

    private string ShardId => lease.ShardId;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var lastSequence = lease.Checkpoint;
        var announced = lease.Pending;
        (PendingBatch Range, IReadOnlyList<KinesisRecord> Records)? unpublished = null;
        string? iterator = null;
        var failures = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    if (announced is not null)
                    {
                        unpublished = (announced, await ReplayAsync(announced, lastSequence, cancellationToken));
                        announced = null;
                        iterator = null;
                    }
                    if (unpublished is { } batch)
                    {
                        await PublishAsync(batch.Range, batch.Records, cancellationToken);
                        lastSequence = batch.Range.Last;
                        unpublished = null;
                    }

                    iterator ??= await GetIteratorAsync(lastSequence, cancellationToken);
                    var result = await client.GetRecordsAsync(iterator, RecordsPerCall, cancellationToken);
                    if (result.MillisBehindLatest is { } behind)
                    {
                        metrics.MillisBehindLatest(ShardId, behind);
                    }
                    if (result.Records.Count > 0)
                    {
                        unpublished = (new PendingBatch(result.Records[0].SequenceNumber, result.Records[^1].SequenceNumber), result.Records);
                        await PublishAsync(unpublished.Value.Range, result.Records, cancellationToken);
                        lastSequence = unpublished.Value.Range.Last;
                        unpublished = null;
                    }
                    if (result.NextShardIterator is null)
                    {
                        await leases.FinishAsync(lease, cancellationToken);
                        IngestLog.ShardFinished(logger, ShardId);
                        return;
                    }
                    iterator = result.NextShardIterator;
                    failures = 0;
                    await Task.Delay(result.Records.Count == 0 ? IdleInterval : PollInterval, cancellationToken);
                }
                catch (Exception ex) when (ex is KinesisException or HttpRequestException or Npgsql.NpgsqlException or TimeoutException
                                               or MassTransit.MassTransitException or IOException
                                               or System.Text.Json.JsonException or InvalidDataException)
                {
                    // An expired iterator, throttling or a broken connection: a batch read but not checkpointed stays in
                    // hand and is published again as it is; reading resumes after the last checkpoint.
                    iterator = null;
                    var delay = (int)Math.Min(30_000, 250 * Math.Pow(2, Math.Min(failures++, 7)));
                    IngestLog.ReadFailed(logger, ex, ShardId, delay);
                    await Task.Delay(delay + Random.Shared.Next(0, 250), cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (LeaseLostException)
        {
            IngestLog.LeaseLost(logger, ShardId);
        }
        finally
        {
            metrics.ForgetShard(ShardId);
        }
    }

    private Task<string> GetIteratorAsync(string? afterSequence, CancellationToken cancellationToken) =>
        afterSequence is null
            ? client.GetShardIteratorAsync(Stream, ShardId, ShardIteratorType.TrimHorizon, cancellationToken: cancellationToken)
            : client.GetShardIteratorAsync(Stream, ShardId, ShardIteratorType.AfterSequenceNumber, afterSequence, cancellationToken: cancellationToken);

    /// <summary>Reads again, from the checkpoint, exactly the records of a range a previous holder announced.</summary>
    private async Task<IReadOnlyList<KinesisRecord>> ReplayAsync(PendingBatch range, string? checkpoint, CancellationToken cancellationToken)
    {
        var records = new List<KinesisRecord>();
        var iterator = await GetIteratorAsync(checkpoint, cancellationToken);
        for (var call = 0; call < MaxReplayCalls && iterator is not null; call++)
        {
            var result = await client.GetRecordsAsync(iterator, RecordsPerCall, cancellationToken);
            foreach (var record in result.Records)
            {
                var order = SequenceNumbers.Compare(record.SequenceNumber, range.Last);
                if (order > 0)
                {
                    return records;
                }
                records.Add(record);
                if (order == 0)
                {
                    return records;
                }
            }
            iterator = result.NextShardIterator;
        }
        // The range's end was not found (trimmed by retention?): what was found goes out under the announced id.
        IngestLog.ReplayIncomplete(logger, ShardId, range.First, range.Last, records.Count);
        return records;
    }

    private async Task PublishAsync(PendingBatch range, IReadOnlyList<KinesisRecord> records, CancellationToken cancellationToken)
    {
        using var activity = IngestMetrics.ActivitySource.StartActivity("kinesis batch");
        activity?.SetTag("aws.kinesis.stream", Stream);
        activity?.SetTag("aws.kinesis.shard_id", ShardId);
        activity?.SetTag("cdnpulse.kinesis.records", records.Count);

        await leases.AnnounceAsync(lease, range, cancellationToken);
        var accepted = new List<CdnRequest>(records.Count);
        var rejects = new RejectCounter();
        foreach (var record in records)
        {
            parser.ParseBatch(record.Data.Span, accepted, rejects);
        }
        await publisher.PublishAsync("kinesis", BatchId(Stream, ShardId, range), accepted, rejects, cancellationToken);
        await leases.CheckpointAsync(lease, range.Last, cancellationToken);
        activity?.SetTag("cdnpulse.lines.accepted", accepted.Count);
        activity?.SetTag("cdnpulse.lines.rejected", rejects.Total);
        IngestLog.Published(logger, ShardId, accepted.Count, rejects.Total, range.Last);
    }

    /// <summary>The deterministic id of a Kinesis batch: stream, shard and sequence range.</summary>
    public static string BatchId(string stream, string shardId, PendingBatch range) => $"kinesis:{stream}:{shardId}:{range.First}-{range.Last}";
}
