using CdnPulse.EventStore;
using CdnPulse.Metrics;

namespace CdnPulse.Aggregation.Tests;

[Collection(SystemCollection.Name)]
public sealed class RebuildTests(SystemFixture fixture)
{
    [Fact]
    public async Task Rebuilding_the_projection_from_the_events_reproduces_every_metric_table_exactly()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = timeout.Token;
        // Data of its own, so the test stands alone: many windows, countries, ISPs and URLs in several contributions.
        const string domain = "rebuild.example.com";
        var first = Batches.HourAgo(2);
        var generator = new TrafficGenerator(77);
        for (var i = 0; i < 4; i++)
        {
            await fixture.Bus.Publish(Batches.Enriched($"rebuild-{Guid.NewGuid():N}", generator.Generate(1_500, [domain], first, 6, paths: 150)), ct);
        }
        await Eventually.ReachesAsync(() => fixture.Api.RequestsAsync(domain, first, first.AddHours(1), ct), n => n == 6_000,
            TimeSpan.FromSeconds(30), n => $"{n} of 6000 requests; {fixture.AggregationLog()}", ct);
        await Database.WaitForProjectionAsync(fixture.Events, ct);
        var before = await Database.DumpAsync(fixture.Events, ct);

        // Small batches, so the replay's batch boundaries differ from the live daemon's.
        await new ProjectionRebuilder(fixture.Events, new EventStore.EventStore(fixture.Events)) { BatchSize = 7 }
            .RebuildAsync(new MinuteStatsProjection(), ct);
        var after = await Database.DumpAsync(fixture.Events, ct);

        foreach (var table in MinuteStatsProjection.Tables)
        {
            Assert.Contains($"-- {table}\n", before, StringComparison.Ordinal);
            Assert.DoesNotContain($"-- {table}\n--", before, StringComparison.Ordinal);
        }
        Assert.Contains(domain, before, StringComparison.Ordinal);
        Assert.True(before == after, $"the rebuilt tables differ at line {FirstDifference(before, after)}");
    }

    private static string FirstDifference(string before, string after)
    {
        var (a, b) = (before.Split('\n'), after.Split('\n'));
        var i = 0;
        while (i < Math.Min(a.Length, b.Length) && a[i] == b[i])
        {
            i++;
        }
        return $"{i + 1}: before '{(i < a.Length ? a[i] : "<end>")}', after '{(i < b.Length ? b[i] : "<end>")}'";
    }
}
