namespace CdnPulse.EventStore.Tests;

public sealed class GlobalOrderTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task Read_all_never_passes_a_gap_that_a_delayed_transaction_fills_later()
    {
        await RecordingProjection.CreateTablesAsync(DataSource);
        var daemon = new ProjectionDaemon(Store, new RecordingProjection(), new ProjectionDaemonOptions(), new RecordingLogger());
        await using var connection = await DataSource.OpenConnectionAsync(Timeout);
        await using var delayed = await connection.BeginTransactionAsync(Timeout);
        var first = await Store.AppendAsync(connection, delayed, "delayed", ExpectedVersion.NoStream, [TestEvents.Make("a")], Timeout);
        var second = await Store.AppendAsync("prompt", ExpectedVersion.NoStream, [TestEvents.Make("b")], Timeout);
        Assert.True(first.LastPosition < second.FirstPosition);

        // Position 2 is committed, position 1 is still in flight: nobody may read past the gap.
        Assert.Empty(await Store.ReadAllAsync(0, 100, Timeout));
        Assert.Equal(0, await Store.GetHighWaterMarkAsync(Timeout));
        var held = await daemon.ProcessBatchAsync(Timeout);
        Assert.Equal((0, 0L, 0L), (held.EventCount, held.Checkpoint, held.HighWaterMark));

        await delayed.CommitAsync(Timeout);

        var all = await Store.ReadAllAsync(0, 100, Timeout);
        Assert.Equal([first.FirstPosition, second.FirstPosition], all.Select(e => e.Position));
        Assert.Equal(["delayed", "prompt"], all.Select(e => e.StreamId));
        Assert.Equal(second.LastPosition, await Store.GetHighWaterMarkAsync(Timeout));
        var moved = await daemon.ProcessBatchAsync(Timeout);
        Assert.Equal((2, 2L, true), (moved.EventCount, moved.Checkpoint, moved.CaughtUp));
    }

    [Fact]
    public async Task Read_all_never_passes_a_gap_left_by_a_younger_transaction_that_drew_first()
    {
        // The older transaction gets its transaction id first (as Aggregation does by writing its ledger before appending)...
        await using var olderConnection = await DataSource.OpenConnectionAsync(Timeout);
        await using var older = await olderConnection.BeginTransactionAsync(Timeout);
        await using (var assign = new Npgsql.NpgsqlCommand("select pg_current_xact_id()", olderConnection, older))
        {
            await assign.ExecuteScalarAsync(Timeout);
        }
        // ...a younger one draws position 1 and stays open...
        await using var youngerConnection = await DataSource.OpenConnectionAsync(Timeout);
        await using var younger = await youngerConnection.BeginTransactionAsync(Timeout);
        var young = await Store.AppendAsync(youngerConnection, younger, "young", ExpectedVersion.NoStream, [TestEvents.Make("y")], Timeout);
        // ...and the older one draws position 2 and commits.
        var old = await Store.AppendAsync(olderConnection, older, "old", ExpectedVersion.NoStream, [TestEvents.Make("o")], Timeout);
        await older.CommitAsync(Timeout);
        Assert.True(young.LastPosition < old.FirstPosition);

        // "tx_id < pg_snapshot_xmin(pg_current_snapshot())" alone would already hand out position 2 and so skip position 1:
        var byTransactionHorizon = await Database.ScalarAsync<long[]>(DataSource,
            "select coalesce(array_agg(position), '{}') from eventstore.events where tx_id < pg_snapshot_xmin(pg_current_snapshot())");
        Assert.Equal([old.FirstPosition], byTransactionHorizon);
        // The append floor lock of the younger transaction holds the high-water mark below its position.
        Assert.Empty(await Store.ReadAllAsync(0, 100, Timeout));
        Assert.Equal(young.FirstPosition - 1, await Store.GetHighWaterMarkAsync(Timeout));

        await younger.CommitAsync(Timeout);

        Assert.Equal([young.FirstPosition, old.FirstPosition], (await Store.ReadAllAsync(0, 100, Timeout)).Select(e => e.Position));
    }

    [Fact]
    public async Task Rolled_back_transaction_leaves_a_hole_that_is_skipped()
    {
        await RecordingProjection.CreateTablesAsync(DataSource);
        var projection = new RecordingProjection();
        var daemon = new ProjectionDaemon(Store, projection, new ProjectionDaemonOptions { BatchSize = 10 }, new RecordingLogger());
        var ghost = await AppendAndRollBackAsync("ghost");
        var real = await Store.AppendAsync("real", ExpectedVersion.NoStream, TestEvents.Many(2), Timeout);
        var trailingGhost = await AppendAndRollBackAsync("ghost");

        Assert.Equal((1L, 2L, 4L), (ghost, real.FirstPosition, trailingGhost));
        // The rollback took the stream's version with it.
        Assert.Equal(0, await Store.GetStreamVersionAsync("ghost", Timeout));
        Assert.Equal(trailingGhost, await Store.GetHighWaterMarkAsync(Timeout));
        Assert.Equal([2L, 3], (await Store.ReadAllAsync(0, 100, Timeout)).Select(e => e.Position));
        Assert.Equal([3L], (await Store.ReadAllAsync(2, 100, Timeout)).Select(e => e.Position));

        // The daemon passes both holes: the checkpoint ends on the trailing one, so the lag is zero.
        var step = await daemon.ProcessBatchAsync(Timeout);
        Assert.Equal((2, trailingGhost, 0L, true), (step.EventCount, step.Checkpoint, daemon.Lag, step.CaughtUp));
        Assert.Equal(trailingGhost, await Database.CheckpointAsync(DataSource, projection.Name));
        Assert.Equal([2L, 3], projection.Applications.Keys.Order());
    }

    private async Task<long> AppendAndRollBackAsync(string streamId)
    {
        await using var connection = await DataSource.OpenConnectionAsync(Timeout);
        await using var transaction = await connection.BeginTransactionAsync(Timeout);
        var result = await Store.AppendAsync(connection, transaction, streamId, ExpectedVersion.Any, [TestEvents.Make("lost")], Timeout);
        await transaction.RollbackAsync(Timeout);
        return result.FirstPosition;
    }
}
