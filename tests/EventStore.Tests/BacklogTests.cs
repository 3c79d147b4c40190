using System.Security.Cryptography;

namespace CdnPulse.EventStore.Tests;

/// <summary>A backlog of heavy events always progresses: batches are bounded by bytes and by an adaptive event limit.</summary>
public sealed class BacklogTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await HeavyProjection.CreateTablesAsync(DataSource);
    }

    [Fact]
    public async Task A_backlog_whose_big_batches_never_commit_is_projected_in_smaller_ones()
    {
        // Any batch of more than 6 events stalls past the batch timeout and is rolled back, as a batch of 751 busy
        // contributions did; the daemon must halve its way down (64, 32, 16, 8, 4) and then get through.
        await AppendAsync(120, payloadBytes: 100);
        var projection = new HeavyProjection { SecondsPerEvent = 0.001, StallAbove = 6, StallSeconds = 30 };
        var daemon = new ProjectionDaemon(Store, projection, Options(batchSize: 64, budget: TimeSpan.FromSeconds(1), timeout: TimeSpan.FromSeconds(1)),
            new RecordingLogger());

        await RunUntilCaughtUpAsync(daemon, 120, TimeSpan.FromSeconds(60));

        Assert.Equal(120, await Database.ScalarAsync<long>(DataSource, "select count(*) from heavy_events"));
        // Only batches of at most 6 committed, each event once.
        Assert.Equal(120, projection.BatchSizes.Sum());
        Assert.All(projection.BatchSizes, n => Assert.InRange(n, 1, 6));
    }

    [Fact]
    public async Task A_batch_over_its_time_budget_halves_the_next_and_quick_batches_grow_it_back()
    {
        await AppendAsync(60, payloadBytes: 100);
        var projection = new HeavyProjection { SecondsPerEvent = 0.05 };
        var daemon = new ProjectionDaemon(Store, projection, Options(batchSize: 32, budget: TimeSpan.FromMilliseconds(400), timeout: TimeSpan.FromSeconds(30)),
            new RecordingLogger());
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Timeout);
        var running = daemon.RunAsync(stop.Token);
        try
        {
            // 32 events take 1.6 s, over the budget: the next batch holds 16 (0.8 s, over), then 8.
            await WaitForCheckpointAsync(daemon, 60, TimeSpan.FromSeconds(60));
            Assert.Equal([32, 16, 8], projection.BatchSizes.Take(3));
            Assert.All(projection.BatchSizes.Skip(2), n => Assert.True(n <= 8, $"a batch of {n} after the limit fell to 8"));
            Assert.InRange(daemon.BatchLimit, 4, 8);

            // The work gets cheap: batches well within the budget double the limit back to BatchSize.
            var before = projection.BatchSizes.Count;
            projection.SecondsPerEvent = 0;
            await Store.AppendAsync("cheap", ExpectedVersion.NoStream, TestEvents.Many(150), Timeout);
            await WaitForCheckpointAsync(daemon, 210, TimeSpan.FromSeconds(60));
            var cheap = projection.BatchSizes.Skip(before).ToList();
            Assert.Equal(150, cheap.Sum());
            Assert.Equal(32, cheap.Max());
            Assert.Equal(32, daemon.BatchLimit);
        }
        finally
        {
            await stop.CancelAsync();
            await running;
        }
    }

    [Fact]
    public async Task Batches_of_large_events_stop_at_the_byte_budget_and_one_oversized_event_still_goes()
    {
        // 64 KiB of random (incompressible) base64 per event: stored at about 86 KB each.
        await AppendAsync(9, payloadBytes: 64 * 1024);
        await AppendAsync(1, payloadBytes: 512 * 1024);
        await AppendAsync(3, payloadBytes: 100);
        var projection = new HeavyProjection();
        var options = Options(batchSize: 1000, budget: TimeSpan.FromSeconds(5), timeout: TimeSpan.FromSeconds(30));
        options.MaxBatchBytes = 200_000;
        var daemon = new ProjectionDaemon(Store, projection, options, new RecordingLogger());

        await RunUntilCaughtUpAsync(daemon, 13, TimeSpan.FromSeconds(60));

        // A batch takes events while the ones before it stay under 200,000 bytes: three of 87 KB (0, 87k, 175k before
        // them); the 700 KB event goes alone, the small ones after it wait for the next batch.
        Assert.Equal([3, 3, 3, 1, 3], projection.BatchSizes);
        Assert.Equal(13, await Database.ScalarAsync<long>(DataSource, "select count(*) from heavy_events"));
    }

    private static ProjectionDaemonOptions Options(int batchSize, TimeSpan budget, TimeSpan timeout) => new()
    {
        BatchSize = batchSize,
        BatchTimeBudget = budget,
        BatchTimeout = timeout,
        PollInterval = TimeSpan.FromMilliseconds(100),
        ErrorBackoff = TimeSpan.FromMilliseconds(20),
        MaxErrorBackoff = TimeSpan.FromMilliseconds(100),
    };

    private async Task AppendAsync(int count, int payloadBytes)
    {
        for (var i = 0; i < count; i++)
        {
            var payload = Convert.ToBase64String(RandomNumberGenerator.GetBytes(payloadBytes));
            await Store.AppendAsync($"big-{Guid.NewGuid():N}", ExpectedVersion.NoStream, [TestEvents.Make("big", new { payload })], Timeout);
        }
    }

    private async Task RunUntilCaughtUpAsync(ProjectionDaemon daemon, long position, TimeSpan deadline)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Timeout);
        var running = daemon.RunAsync(stop.Token);
        try
        {
            await WaitForCheckpointAsync(daemon, position, deadline);
        }
        finally
        {
            await stop.CancelAsync();
            await running;
        }
    }

    private Task WaitForCheckpointAsync(ProjectionDaemon daemon, long position, TimeSpan deadline) =>
        Eventually.HoldsAsync(async () => await Database.CheckpointAsync(DataSource, daemon.Name) >= position, $"the checkpoint reaches {position}", deadline);
}
