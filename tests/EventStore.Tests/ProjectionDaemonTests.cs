using Npgsql;

namespace CdnPulse.EventStore.Tests;

public sealed class ProjectionDaemonTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private static readonly ProjectionDaemonOptions Fast = new()
    {
        BatchSize = 5,
        PollInterval = TimeSpan.FromMilliseconds(100),
        ErrorBackoff = TimeSpan.FromMilliseconds(50),
        MaxErrorBackoff = TimeSpan.FromMilliseconds(200),
    };

    private readonly RecordingProjection _projection = new();
    private readonly RecordingLogger _logger = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await RecordingProjection.CreateTablesAsync(DataSource);
    }

    [Fact]
    public async Task Projection_checkpoint_moves_with_its_writes_in_one_transaction()
    {
        await Store.AppendAsync("window", ExpectedVersion.NoStream,
            [TestEvents.Make("ok"), TestEvents.Make("ok"), TestEvents.Make("poison"), TestEvents.Make("ok"), TestEvents.Make("ok")], Timeout);
        _projection.FailOnType = "poison";
        var daemon = new ProjectionDaemon(Store, _projection, new ProjectionDaemonOptions { BatchSize = 100 }, _logger);

        await Assert.ThrowsAsync<InvalidOperationException>(() => daemon.ProcessBatchAsync(Timeout));

        // Two rows were written before the failure; they went with the transaction, and the checkpoint never moved.
        Assert.Equal([1L, 2, 3], _projection.Applications.Keys.Order());
        Assert.Equal(0, await RecordingProjection.CountRowsAsync(DataSource));
        Assert.Equal(0, await Database.CheckpointAsync(DataSource, _projection.Name));

        _projection.FailOnType = null;
        var step = await daemon.ProcessBatchAsync(Timeout);

        Assert.Equal((5, 5L), (step.EventCount, step.Checkpoint));
        Assert.Equal(5, await RecordingProjection.CountRowsAsync(DataSource));
        Assert.Equal(5, await Database.CheckpointAsync(DataSource, _projection.Name));
    }

    [Fact]
    public async Task Two_daemons_on_one_projection_never_apply_an_event_twice()
    {
        using var stop = new CancellationTokenSource();
        var first = new ProjectionDaemon(Store, _projection, Fast, _logger);
        var second = new ProjectionDaemon(Store, _projection, Fast, _logger);
        var running = new[] { first.RunAsync(stop.Token), second.RunAsync(stop.Token) };

        var writers = Enumerable.Range(0, 4).Select(async w =>
        {
            for (var i = 0; i < 40; i++)
            {
                await Store.AppendAsync($"stream-{w}", ExpectedVersion.Any, TestEvents.Many(1 + (i % 3)), Timeout);
            }
        });
        await Task.WhenAll(writers);
        var total = 4 * Enumerable.Range(0, 40).Sum(i => 1 + (i % 3));
        var highWaterMark = await Store.GetHighWaterMarkAsync(Timeout);
        Assert.Equal(total, highWaterMark);
        await WaitUntilCaughtUpAsync();
        await stop.CancelAsync();
        await Task.WhenAll(running);

        Assert.Empty(_logger.Errors);
        Assert.Equal(total, _projection.Applications.Count);
        Assert.All(_projection.Applications, a => Assert.Equal(1, a.Value));
        Assert.Equal(total, await RecordingProjection.CountRowsAsync(DataSource));
        Assert.Equal(highWaterMark, Math.Max(first.Checkpoint, second.Checkpoint));
    }

    [Fact]
    public async Task Daemon_catches_up_after_downtime()
    {
        await AppendManyAsync("before", 60);
        await RunUntilCaughtUpAsync(new ProjectionDaemon(Store, _projection, Fast, _logger));
        var checkpointAtStop = await Database.CheckpointAsync(DataSource, _projection.Name);

        await AppendManyAsync("during", 90);
        Assert.Equal(checkpointAtStop, await Database.CheckpointAsync(DataSource, _projection.Name));

        // A new instance (a restarted service) continues from the stored checkpoint.
        await RunUntilCaughtUpAsync(new ProjectionDaemon(Store, _projection, Fast, _logger));

        Assert.Empty(_logger.Errors);
        Assert.Equal(150, await RecordingProjection.CountRowsAsync(DataSource));
        Assert.All(_projection.Applications, a => Assert.Equal(1, a.Value));
        Assert.Equal(150, _projection.Applications.Count);
    }

    [Fact]
    public async Task Daemon_survives_dropped_connections_and_resumes()
    {
        // The daemon gets its own pool, named, so only its connections are cut.
        // (The data source's own connection string has the password removed.)
        var database = new NpgsqlConnectionStringBuilder(DataSource.ConnectionString).Database!;
        var builder = new NpgsqlConnectionStringBuilder(Fixture.Server.ConnectionString(database)) { ApplicationName = "daemon-under-test" };
        await using var daemonSource = NpgsqlDataSource.Create(builder.ConnectionString);
        var daemon = new ProjectionDaemon(new EventStore(daemonSource), _projection, Fast, _logger);
        using var stop = new CancellationTokenSource();
        var running = daemon.RunAsync(stop.Token);

        await AppendManyAsync("before", 20);
        await WaitUntilCaughtUpAsync();
        var killed = await Database.ScalarAsync<long>(DataSource,
            "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = 'daemon-under-test'");
        await AppendManyAsync("after", 20);
        await WaitUntilCaughtUpAsync();
        await stop.CancelAsync();
        await running;

        Assert.True(killed > 0, "the daemon held no connection to cut");
        Assert.NotEmpty(_logger.Errors);
        Assert.Equal(40, await RecordingProjection.CountRowsAsync(DataSource));
        Assert.All(_projection.Applications, a => Assert.Equal(1, a.Value));
    }

    private async Task AppendManyAsync(string prefix, int count)
    {
        for (var i = 0; i < count; i += 3)
        {
            await Store.AppendAsync($"{prefix}-{i % 7}", ExpectedVersion.Any, TestEvents.Many(Math.Min(3, count - i)), Timeout);
        }
    }

    private async Task RunUntilCaughtUpAsync(ProjectionDaemon daemon)
    {
        using var stop = new CancellationTokenSource();
        var running = daemon.RunAsync(stop.Token);
        await WaitUntilCaughtUpAsync();
        await stop.CancelAsync();
        await running;
    }

    private async Task WaitUntilCaughtUpAsync()
    {
        var highWaterMark = await Store.GetHighWaterMarkAsync(Timeout);
        await Eventually.HoldsAsync(async () => await Database.CheckpointAsync(DataSource, _projection.Name) >= highWaterMark,
            $"the checkpoint reaches {highWaterMark}");
    }
}
