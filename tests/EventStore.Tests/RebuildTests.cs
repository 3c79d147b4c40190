namespace CdnPulse.EventStore.Tests;

public sealed class RebuildTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private readonly RecordingProjection _projection = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await RecordingProjection.CreateTablesAsync(DataSource);
    }

    [Fact]
    public async Task Rebuild_reproduces_the_projection_byte_for_byte()
    {
        var (live, highWaterMark) = await BuildLiveAsync();
        var progress = new CollectingProgress();

        await new ProjectionRebuilder(DataSource, Store) { BatchSize = 50 }.RebuildAsync(_projection, Timeout, progress);

        Assert.Equal(live, await RecordingProjection.DumpAsync(DataSource));
        Assert.Equal(0, progress.Values[0]);
        Assert.Equal(highWaterMark, progress.Values[^1]);
        Assert.Equal(progress.Values.Order(), progress.Values);
        Assert.Equal(highWaterMark, await Database.CheckpointAsync(DataSource, _projection.Name));
        // Every event was applied once live and once more by the rebuild.
        Assert.All(_projection.Applications, a => Assert.Equal(2, a.Value));
    }

    [Fact]
    public async Task Rebuild_can_be_retried_after_cancel()
    {
        var (live, highWaterMark) = await BuildLiveAsync();
        var rebuilder = new ProjectionRebuilder(DataSource, Store) { BatchSize = 20 };
        using var cancel = new CancellationTokenSource();
        var batches = 0;
        _projection.AfterBatch = _ =>
        {
            if (++batches == 3)
            {
                cancel.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rebuilder.RebuildAsync(_projection, cancel.Token));

        // Two batches committed, the third rolled back with its checkpoint: consistent, partial, and different from live.
        var checkpoint = await Database.CheckpointAsync(DataSource, _projection.Name);
        Assert.InRange(checkpoint, 1, highWaterMark - 1);
        Assert.Equal(40, await RecordingProjection.CountRowsAsync(DataSource));
        Assert.Equal(checkpoint, await Database.ScalarAsync<long>(DataSource, "select max(position) from test_projection.events"));
        Assert.NotEqual(live, await RecordingProjection.DumpAsync(DataSource));

        _projection.AfterBatch = null;
        await rebuilder.RebuildAsync(_projection, Timeout);

        Assert.Equal(live, await RecordingProjection.DumpAsync(DataSource));
        Assert.Equal(highWaterMark, await Database.CheckpointAsync(DataSource, _projection.Name));
    }

    /// <summary>Events in 30 streams with holes between them, projected live by a daemon in batches of 7.</summary>
    private async Task<(string Dump, long HighWaterMark)> BuildLiveAsync()
    {
        for (var i = 0; i < 120; i++)
        {
            await Store.AppendAsync($"window-{i % 30}", ExpectedVersion.Any, TestEvents.Many(1 + (i % 4), $"t{i}-"), Timeout);
            if (i % 25 == 0)
            {
                await using var connection = await DataSource.OpenConnectionAsync(Timeout);
                await using var transaction = await connection.BeginTransactionAsync(Timeout);
                await Store.AppendAsync(connection, transaction, "abandoned", ExpectedVersion.Any, [TestEvents.Make("lost")], Timeout);
                await transaction.RollbackAsync(Timeout);
            }
        }
        var daemon = new ProjectionDaemon(Store, _projection, new ProjectionDaemonOptions { BatchSize = 7 }, new RecordingLogger());
        while (!(await daemon.ProcessBatchAsync(Timeout)).CaughtUp)
        {
        }
        var dump = await RecordingProjection.DumpAsync(DataSource);
        Assert.Equal(300, await RecordingProjection.CountRowsAsync(DataSource));
        return (dump, daemon.Checkpoint);
    }
}
