using System.Diagnostics;
using CdnPulse.Kinesis.Model;
using CdnPulse.Kinesis.Wire;

namespace CdnPulse.Kinesis;

public sealed partial class KinesisClient
{
    public static readonly TimeSpan DefaultActiveTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Starts creating a stream; it is CREATING until <see cref="WaitForStreamActiveAsync"/> sees it ACTIVE.</summary>
    public async Task CreateStreamAsync(string streamName, int shardCount, CancellationToken cancellationToken = default)
    {
        KinesisNames.ThrowIfInvalidStreamName(streamName, nameof(streamName));
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        using var activity = StartCall("CreateStream", streamName);
        activity?.SetTag("aws.kinesis.shard_count", shardCount);
        await SendAsync("CreateStream", new CreateStreamRequest(streamName, shardCount), Json.CreateStreamRequest, activity, cancellationToken);
    }

    public async Task<StreamSummary> DescribeStreamSummaryAsync(string streamName, CancellationToken cancellationToken = default)
    {
        KinesisNames.ThrowIfInvalidStreamName(streamName, nameof(streamName));
        using var activity = StartCall("DescribeStreamSummary", streamName);
        var response = await SendAsync("DescribeStreamSummary", new StreamNameRequest(streamName), Json.StreamNameRequest,
            Json.DescribeStreamSummaryResponse, activity, cancellationToken);
        return response.StreamDescriptionSummary;
    }

    /// <summary>
    /// Polls DescribeStreamSummary until the stream is ACTIVE. Not-found and throttling answers are polled through, since
    /// a stream that was just created can be briefly invisible; a <see cref="TimeoutException"/> ends the wait.
    /// </summary>
    public async Task<StreamSummary> WaitForStreamActiveAsync(string streamName, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        KinesisNames.ThrowIfInvalidStreamName(streamName, nameof(streamName));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var started = Stopwatch.GetTimestamp();
        var interval = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            string lastSeen;
            try
            {
                var summary = await DescribeStreamSummaryAsync(streamName, cancellationToken);
                if (summary.IsActive)
                {
                    return summary;
                }
                if (summary.StreamStatus == StreamSummary.Deleting)
                {
                    throw new InvalidOperationException($"Kinesis stream '{streamName}' is being deleted; it will not become ACTIVE.");
                }
                lastSeen = summary.StreamStatus;
            }
            catch (KinesisException ex) when (ex.IsResourceNotFound || ex.IsThrottling)
            {
                lastSeen = ex.ErrorType;
            }

            var remaining = timeout - Stopwatch.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Kinesis stream '{streamName}' was not ACTIVE after {timeout.TotalSeconds:0.#} s (last seen: {lastSeen}).");
            }
            await Task.Delay(interval < remaining ? interval : remaining, cancellationToken);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, MaxPollInterval.Ticks));
        }
    }

    /// <summary>
    /// Creates the stream unless it exists (an existing stream keeps its shard count), tolerating a concurrent creator,
    /// then waits for ACTIVE (within <paramref name="timeout"/>, default <see cref="DefaultActiveTimeout"/>).
    /// </summary>
    public async Task<StreamSummary> EnsureStreamAsync(string streamName, int shardCount, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        try
        {
            var existing = await DescribeStreamSummaryAsync(streamName, cancellationToken);
            if (existing.IsActive)
            {
                return existing;
            }
        }
        catch (KinesisException ex) when (ex.IsResourceNotFound)
        {
            try
            {
                await CreateStreamAsync(streamName, shardCount, cancellationToken);
            }
            catch (KinesisException inUse) when (inUse.IsResourceInUse)
            {
                // Someone else created it between our describe and create; waiting for ACTIVE covers both cases.
            }
        }
        return await WaitForStreamActiveAsync(streamName, timeout ?? DefaultActiveTimeout, cancellationToken);
    }
}
