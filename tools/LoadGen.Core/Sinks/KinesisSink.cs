using System.Globalization;
using CdnPulse.Kinesis;
using CdnPulse.Kinesis.Model;
using CdnPulse.LoadGen.Running;

namespace CdnPulse.LoadGen.Sinks;

/// <summary>
/// PutRecords into a Kinesis data stream, as CloudFront's real-time logs do. Entries that fail individually
/// (throttled, internal failure) and calls that are throttled or hit a 5xx or network error are sent again with
/// back-off; a batch is acknowledged when every entry has a sequence number.
/// </summary>
public sealed class KinesisSink : ILineSink
{
    /// <summary>PutRecords accepts at most 5 MiB per call, partition keys included.</summary>
    public const int MaxCallBytes = 5 * 1024 * 1024;

    private readonly KinesisClient _client;
    private readonly string _stream;
    private readonly int _maxRetries;
    private readonly int _concurrency;

    public KinesisSink(KinesisClient client, string streamName, int maxRetries, int concurrency)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(streamName);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetries);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _client = client;
        _stream = streamName;
        _maxRetries = maxRetries;
        _concurrency = concurrency;
    }

    public string Name => "kinesis";

    public int MaxRecordsPerBatch => KinesisClient.MaxPutRecordsEntries;

    public int MaxConcurrency => _concurrency;

    public async Task DeliverAsync(LineBatch batch, RunCounters counters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(counters);
        var entries = batch.Records
            .Select((data, i) => new PutRecordsEntry(((batch.Number * MaxRecordsPerBatch) + i).ToString(CultureInfo.InvariantCulture), data))
            .ToList();
        foreach (var call in SplitBySize(entries))
        {
            await PutAllAsync(call, counters, cancellationToken);
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task PutAllAsync(IReadOnlyList<PutRecordsEntry> entries, RunCounters counters, CancellationToken cancellationToken)
    {
        var pending = entries;
        for (var attempt = 1; ; attempt++)
        {
            string reason;
            try
            {
                var result = await _client.PutRecordsAsync(_stream, pending, cancellationToken);
                if (result.FailedRecordCount == 0)
                {
                    return;
                }

                pending = result.FailedEntries(pending);
                reason = result.Records.FirstOrDefault(r => !r.Succeeded)?.ErrorCode ?? "failed entries";
            }
            catch (KinesisException ex) when (ex.IsThrottling || (int)ex.HttpStatusCode >= 500)
            {
                reason = ex.ErrorType;
            }
            catch (HttpRequestException ex)
            {
                reason = ex.HttpRequestError.ToString();
            }
            catch (KinesisException ex)
            {
                throw new DeliveryException($"Kinesis refused the records: {ex.Message}", ex);
            }

            if (attempt > _maxRetries)
            {
                throw new DeliveryException($"{pending.Count} Kinesis records still failed after {_maxRetries} retries (last: {reason}).");
            }

            counters.AddRetries(pending.Count, reason);
            await Backoff.WaitAsync(attempt, cancellationToken);
        }
    }

    private static IEnumerable<List<PutRecordsEntry>> SplitBySize(List<PutRecordsEntry> entries)
    {
        var call = new List<PutRecordsEntry>();
        var bytes = 0;
        foreach (var entry in entries)
        {
            var size = entry.Data.Length + entry.PartitionKey.Length;
            if (call.Count > 0 && (bytes + size > MaxCallBytes || call.Count == KinesisClient.MaxPutRecordsEntries))
            {
                yield return call;
                call = [];
                bytes = 0;
            }

            call.Add(entry);
            bytes += size;
        }

        if (call.Count > 0)
        {
            yield return call;
        }
    }
}
