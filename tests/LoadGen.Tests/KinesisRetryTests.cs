using CdnPulse.Contracts;
using CdnPulse.Kinesis;
using CdnPulse.LoadGen.Running;
using CdnPulse.LoadGen.Sinks;

namespace CdnPulse.LoadGen.Tests;

public sealed class KinesisRetryTests
{
    private static readonly LineBatch Batch = new(0, 0, [], [.. Enumerable.Range(0, 5).Select(i => new byte[] { (byte)('a' + i), (byte)'\n' })]);

    [Fact]
    public async Task Resends_only_the_entries_that_failed_until_all_are_stored()
    {
        var kinesis = new ScriptedKinesis(r => ScriptedKinesis.FailEntries(r, 1, 3), r => ScriptedKinesis.FailEntries(r, 1), ScriptedKinesis.Succeed);
        var counters = new RunCounters();

        await using (var sink = Sink(kinesis, maxRetries: 5))
        {
            await sink.DeliverAsync(Batch, counters, CancellationToken.None);
        }

        Assert.Equal([["0", "1", "2", "3", "4"], ["1", "3"], ["3"]], kinesis.Calls);
        Assert.Equal(3, counters.Retries);
        Assert.Equal("ProvisionedThroughputExceededException", counters.LastRetryReason);
    }

    [Fact]
    public async Task Retries_a_throttled_call_as_a_whole()
    {
        var kinesis = new ScriptedKinesis(_ => ScriptedKinesis.Error(KinesisException.LimitExceeded), ScriptedKinesis.Succeed);

        await using (var sink = Sink(kinesis, maxRetries: 5))
        {
            await sink.DeliverAsync(Batch, new RunCounters(), CancellationToken.None);
        }

        Assert.Equal(2, kinesis.Calls.Count);
        Assert.Equal(kinesis.Calls[0], kinesis.Calls[1]);
    }

    [Fact]
    public async Task Gives_up_after_the_retry_limit_with_the_last_reason()
    {
        var kinesis = new ScriptedKinesis(r => ScriptedKinesis.FailEntries(r, 0));

        await using var sink = Sink(kinesis, maxRetries: 2);
        var error = await Assert.ThrowsAsync<DeliveryException>(() => sink.DeliverAsync(Batch, new RunCounters(), CancellationToken.None));

        Assert.Equal(3, kinesis.Calls.Count);
        Assert.Contains("1 Kinesis records still failed after 2 retries (last: ProvisionedThroughputExceededException)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Does_not_retry_a_refusal_that_retrying_cannot_fix()
    {
        var kinesis = new ScriptedKinesis(_ => ScriptedKinesis.Error(KinesisException.ResourceNotFound));

        await using var sink = Sink(kinesis, maxRetries: 5);
        var error = await Assert.ThrowsAsync<DeliveryException>(() => sink.DeliverAsync(Batch, new RunCounters(), CancellationToken.None));

        Assert.Single(kinesis.Calls);
        Assert.Contains(KinesisException.ResourceNotFound, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Splits_a_batch_into_calls_of_at_most_five_mebibytes()
    {
        var kinesis = new ScriptedKinesis(ScriptedKinesis.Succeed);
        var big = new LineBatch(0, 0, Array.Empty<CdnRequest>(), [.. Enumerable.Range(0, 12).Select(_ => new byte[1024 * 1024 - 100])]);

        await using (var sink = Sink(kinesis, maxRetries: 0))
        {
            await sink.DeliverAsync(big, new RunCounters(), CancellationToken.None);
        }

        Assert.Equal([5, 5, 2], kinesis.Calls.Select(c => c.Count));
    }

    private static KinesisSink Sink(ScriptedKinesis kinesis, int maxRetries) =>
        new(KinesisClient.Create(new KinesisOptions { ServiceUrl = "http://127.0.0.1:9/" }, inner: kinesis), "stream", maxRetries, concurrency: 1);
}
