using CdnPulse.Contracts;
using CdnPulse.Hosting;

namespace CdnPulse.Aggregation.Tests;

[Collection(SystemCollection.Name)]
public sealed class RedeliveryTests(SystemFixture fixture)
{
    [Fact]
    public async Task A_batch_delivered_three_times_is_counted_once()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = timeout.Token;
        const string domain = "redelivery.example.com";
        var first = Batches.HourAgo(2);
        var batch = Batches.Enriched($"redelivery-{Guid.NewGuid():N}", new TrafficGenerator(5).Generate(500, [domain], first, 3));

        // Twice at once (one group or two), then once more after the first count has committed.
        await fixture.Bus.Publish(batch, ct);
        await fixture.Bus.Publish(batch, ct);
        await Eventually.ReachesAsync(() => fixture.Api.RequestsAsync(domain, first, first.AddHours(1), ct), n => n == 500,
            TimeSpan.FromSeconds(30), n => $"{n} of 500 requests; {fixture.AggregationLog()}", ct);
        var skipped = Skipped(batch);
        await fixture.Bus.Publish(batch, ct);
        await Eventually.ReachesAsync(() => Task.FromResult(Skipped(batch)), n => n > skipped, TimeSpan.FromSeconds(30),
            _ => $"the redelivery was not skipped; {fixture.AggregationLog()}", ct);
        await Database.WaitForProjectionAsync(fixture.Events, ct);

        Assert.Equal(500, await fixture.Api.RequestsAsync(domain, first, first.AddHours(1), ct));
        var expected = new ExpectedMetrics(batch.Requests, IspTable.Lookup(TrafficGenerator.Addresses));
        foreach (var metric in new[] { "downstreamTraffic", "statusCode", "topNUrlSize" })
        {
            var actual = await fixture.Api.DetailAsync(metric, domain, first, first.AddMinutes(5), "1min", null, ct);
            Assert.Equal(expected.DetailData(metric, domain, null, first, first.AddMinutes(5), TimeSpan.FromMinutes(1)).ToJsonString(), actual.ToJsonString());
        }
        // One contribution per window carries the batch: three minutes, three events.
        Assert.Equal(3, await Database.ScalarAsync(fixture.Events, "select count(*) from eventstore.events where data->'batchIds' ? $1", ct, batch.BatchId));
    }

    private int Skipped(LogBatchEnriched batch) =>
        fixture.Log.Tail(SystemModel.Aggregation, 2000).Count(l => l.Contains("already counted: ", StringComparison.Ordinal) && l.Contains(batch.BatchId, StringComparison.Ordinal));
}
