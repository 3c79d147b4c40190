using System.Diagnostics;
using CdnPulse.Contracts;
using CdnPulse.Hosting;
using CdnPulse.Metrics;
using MassTransit;
using Npgsql;
using Xunit.Abstractions;

namespace CdnPulse.Aggregation.Tests;

/// <summary>
/// Aggregation throughput and projection lag on the real system: Aggregation and MetricsQuery (which runs the projection
/// daemon) on real PostgreSQL and RabbitMQ, fed enriched batches straight on the bus as fast as the bus takes them.
/// </summary>
public sealed class AggregationBenchmark(ITestOutputHelper output)
{
    private static readonly string[] Domains = Enumerable.Range(1, 8).Select(i => $"bench{i}.example.com").ToArray();
    private static readonly int Messages = int.TryParse(Environment.GetEnvironmentVariable("CDNPULSE_BENCHMARK_MESSAGES"), out var m) ? m : 120;
    private const int LinesPerMessage = 5_000;

    [BenchmarkFact]
    public async Task Aggregation_throughput_and_projection_lag()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var ct = timeout.Token;
        var first = Batches.HourAgo(3);
        var generator = new TrafficGenerator(1);
        // Real-time traffic: six batches of 5,000 lines per minute (500 lines/s), each within its minute, over 8 domains.
        var batches = Enumerable.Range(0, Messages)
            .Select(i => Batches.Enriched($"bench-{i:0000}", generator.Generate(LinesPerMessage, Domains, first.AddMinutes(i / 6), 1, paths: 2_000)))
            .ToList();
        var lines = (long)Messages * LinesPerMessage;
        Fold(batches);

        var log = new RecordingResourceLog();
        await using var system = await CdnPulseSystem.StartAsync(new SystemOptions
        {
            Log = log,
            SampleTraffic = false,
            Services = [SystemModel.Aggregation, SystemModel.MetricsQuery],
        }, ct);
        await using var events = NpgsqlDataSource.Create(system.EventsConnectionString);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(new Uri(system.Messaging!.ConnectionString)));
        await bus.StartAsync(ct);
        try
        {
            // The backlog is published while Aggregation is down (its durable queue keeps it), so the measurement is
            // Aggregation draining it alone, not the test process serialising 600,000 requests on the same two cores.
            var aggregation = system.Services[SystemModel.Aggregation];
            aggregation.Kill();
            await Task.WhenAll(batches.Select(b => bus.Publish(b, ct)));
            var store = new EventStore.EventStore(events);
            var samples = new List<(TimeSpan At, long Mark, long Checkpoint, long Batches)>();
            await aggregation.RestartAsync(ct);
            var clock = Stopwatch.StartNew();
            var startBatches = await Database.ScalarAsync(events, "select count(*) from metrics.counted_batches where batch_id like 'bench-%'", ct);
            TimeSpan? committed = null;
            while (true)
            {
                var mark = await store.GetHighWaterMarkAsync(ct);
                var checkpoint = await Database.ScalarAsync(events,
                    "select coalesce(max(position), 0) from eventstore.projection_checkpoints where name = $1", ct, MinuteStatsProjection.ProjectionName);
                var counted = await Database.ScalarAsync(events, "select count(*) from metrics.counted_batches where batch_id like 'bench-%'", ct);
                samples.Add((clock.Elapsed, mark, checkpoint, counted));
                committed ??= counted == Messages ? clock.Elapsed : null;
                if (committed is not null && checkpoint >= mark)
                {
                    break;
                }
                await Task.Delay(100, ct);
            }
            var projected = await Database.ScalarAsync(events, "select sum(requests) from metrics.minute_stats where domain like 'bench%'", ct);
            Assert.Equal(lines, projected);

            var contributions = await Database.ScalarAsync(events, "select count(*) from eventstore.events", ct);
            var caughtUp = samples[^1].At;
            output.WriteLine($"{lines:N0} lines in {Messages} batches of {LinesPerMessage:N0}: 8 domains × 4 countries × {Messages / 6} minutes, 2,000 paths");
            var drained = (Messages - startBatches) * (long)LinesPerMessage;
            output.WriteLine($"folded and committed: {drained:N0} lines in {committed!.Value.TotalSeconds:0.0} s after the restart → {drained / committed.Value.TotalSeconds:N0} lines/s ({contributions:N0} contributions)");
            output.WriteLine($"projection caught up {(caughtUp - committed.Value).TotalSeconds:0.0} s after the last commit");
            output.WriteLine($"projection lag during the run: max {samples.Max(s => s.Mark - s.Checkpoint)} events, max {MaxLagSeconds(samples):0.0} s");
            foreach (var line in log.Tail(SystemModel.Aggregation, 10).Concat(log.Tail(SystemModel.MetricsQuery, 10)))
            {
                output.WriteLine(line);
            }
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Lines folded per second in memory alone (one thread), the upper bound of one consumer.</summary>
    private void Fold(List<LogBatchEnriched> batches)
    {
        var clock = Stopwatch.StartNew();
        var folder = new WindowFolder();
        foreach (var request in batches.SelectMany(b => b.Requests))
        {
            folder.Add(request);
        }
        var contributions = folder.Contributions(["b"]).Count();
        output.WriteLine($"fold only (in memory, one thread): {folder.Folded / clock.Elapsed.TotalSeconds:N0} lines/s into {contributions} windows");
    }

    /// <summary>Longest time an appended event waited to be projected: for each sample, how long ago the mark first reached its checkpoint.</summary>
    private static double MaxLagSeconds(List<(TimeSpan At, long Mark, long Checkpoint, long Batches)> samples) =>
        samples.Where(s => s.Checkpoint < s.Mark)
            .Select(s => (s.At - samples.First(m => m.Mark > s.Checkpoint).At).TotalSeconds)
            .DefaultIfEmpty(0)
            .Max();
}
