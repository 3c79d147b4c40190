using System.Diagnostics;
using CdnPulse.Contracts;
using CdnPulse.Hosting;
using Xunit.Abstractions;

namespace CdnPulse.Aggregation.Tests;

[Collection(SystemCollection.Name)]
public sealed class KillTests(SystemFixture fixture, ITestOutputHelper output)
{
    private const string Domain = "kill.example.com";
    private const int Lines = 200_000;

    [Fact]
    public async Task Killing_Aggregation_repeatedly_while_200000_lines_flow_neither_loses_nor_doubles_a_line()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = timeout.Token;
        var first = Batches.HourAgo(2);
        var lines = new TrafficGenerator(4242).Generate(Lines, [Domain], first, 10, paths: 60);
        var waves = new Queue<CdnRequest[]>(lines.Chunk(Lines / 8));
        var aggregation = fixture.System.Services[SystemModel.Aggregation];

        // A backlog first, then three times: as soon as more lines are committed, kill -9 Aggregation with its prefetched
        // and half-folded groups in flight, and restart it while more lines pour into Kinesis.
        var clock = Stopwatch.StartNew();
        await PutAsync(waves, 2, ct);
        for (var kill = 1; kill <= 3; kill++)
        {
            // The ledger gains rows only when a running Aggregation commits, so this waits for the (restarted) instance.
            var ledger = await LedgerAsync(ct);
            await Eventually.ReachesAsync(() => LedgerAsync(ct), n => n > ledger, TimeSpan.FromSeconds(120),
                n => $"kill {kill}: no commit past {n} batches; {fixture.AggregationLog()}", ct);
            var counted = await CountedAsync(ct);
            Assert.True(counted < Lines, "every line was counted before the kill: nothing was in flight");
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: kill {kill} with {counted:N0} lines counted");
            aggregation.Kill();
            Assert.True(aggregation.HasExited);
            await Task.WhenAll(PutAsync(waves, 2, ct), aggregation.RestartAsync(ct));
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: restarted");
        }
        await PutAsync(waves, waves.Count, ct);

        await Eventually.ReachesAsync(() => CountedAsync(ct), n => n >= Lines, TimeSpan.FromSeconds(90),
            n => $"{n} of {Lines} lines counted; {fixture.AggregationLog()}", ct);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: all {Lines:N0} lines counted");
        await Database.WaitForProjectionAsync(fixture.Events, ct);
        Assert.Equal(Lines, await CountedAsync(ct));
        Assert.Equal(Lines, await fixture.Api.RequestsAsync(Domain, first, first.AddHours(1), ct));

        // Exact per minute and per country, not only in total.
        var expected = new ExpectedMetrics(lines, IspTable.Lookup(TrafficGenerator.Addresses));
        foreach (var (metric, country) in new[] { ("request", (string?)null), ("downstreamTraffic", "JP"), ("statusCode", null), ("edgeType", "US") })
        {
            var actual = await fixture.Api.DetailAsync(metric, Domain, first, first.AddMinutes(10), "1min", country, ct);
            var want = expected.DetailData(metric, Domain, country, first, first.AddMinutes(10), TimeSpan.FromMinutes(1));
            Assert.True(want.ToJsonString() == actual.ToJsonString(), $"{metric} {country}:\n expected {want.ToJsonString()}\n actual   {actual.ToJsonString()}");
        }
    }

    private async Task PutAsync(Queue<CdnRequest[]> waves, int count, CancellationToken ct)
    {
        for (var i = 0; i < count && waves.Count > 0; i++)
        {
            await Traffic.PutKinesisAsync(fixture.System, waves.Dequeue(), linesPerRecord: 250, ct);
        }
    }

    private Task<long> LedgerAsync(CancellationToken ct) =>
        Database.ScalarAsync(fixture.Events, "select count(*) from metrics.counted_batches", ct);

    private Task<long> CountedAsync(CancellationToken ct) =>
        Database.ScalarAsync(fixture.Events, "select coalesce(sum(requests), 0) from metrics.minute_stats where domain = $1", ct, Domain);
}
