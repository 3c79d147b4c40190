using System.Diagnostics;
using System.Text.Json;

namespace CdnPulse.EventStore.Tests;

public sealed class AppendTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task Appends_and_reads_a_stream_in_version_order()
    {
        using var activity = new Activity("test-request").SetIdFormat(ActivityIdFormat.W3C).Start();
        activity.TraceStateString = "vendor=1";
        var metadata = EventMetadata.FromCurrentActivity("corr-1", "cause-1", new Dictionary<string, string> { ["tenant"] = "t1" });
        activity.Stop();

        var first = await Store.AppendAsync("window-a", ExpectedVersion.NoStream,
            [new EventData("Opened", JsonSerializer.SerializeToElement(new { n = 1 }), metadata), TestEvents.Make("Counted", new { n = 2 })], Timeout);
        var other = await Store.AppendAsync("window-b", ExpectedVersion.NoStream, [TestEvents.Make("Opened")], Timeout);
        var second = await Store.AppendAsync("window-a", ExpectedVersion.Exact(first.NextExpectedVersion), TestEvents.Many(3), Timeout);

        Assert.Equal(new AppendResult(2, 1, 2), first);
        Assert.Equal(new AppendResult(1, 3, 3), other);
        Assert.Equal(new AppendResult(5, 4, 6), second);

        var stream = await Store.ReadStreamAsync("window-a", 1, Timeout);
        Assert.Equal([1L, 2, 3, 4, 5], stream.Select(e => e.Version));
        Assert.Equal([1L, 2, 4, 5, 6], stream.Select(e => e.Position));
        Assert.Equal(["Opened", "Counted", "e1", "e2", "e3"], stream.Select(e => e.Type));
        Assert.All(stream, e => Assert.Equal("window-a", e.StreamId));
        Assert.Equal(2, stream[1].Deserialize<Payload>().N);

        var recorded = stream[0].Metadata;
        Assert.Equal("corr-1", recorded.CorrelationId);
        Assert.Equal("cause-1", recorded.CausationId);
        Assert.Equal(activity.Id, recorded.TraceParent);
        Assert.StartsWith($"00-{activity.TraceId}-{activity.SpanId}-", recorded.TraceParent);
        Assert.Equal("vendor=1", recorded.TraceState);
        Assert.Equal("t1", recorded.Headers!["tenant"]);
        Assert.Null(stream[1].Metadata.TraceParent);
        Assert.InRange(stream[0].CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));

        var tail = await Store.ReadStreamAsync("window-a", 4, Timeout);
        Assert.Equal([4L, 5], tail.Select(e => e.Version));
        Assert.Empty(await Store.ReadStreamAsync("no-such-stream", 1, Timeout));
    }

    [Fact]
    public async Task Append_with_a_stale_expected_version_is_refused_and_names_both_versions()
    {
        await Store.AppendAsync("window", ExpectedVersion.NoStream, TestEvents.Many(3), Timeout);

        var stale = await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => Store.AppendAsync("window", ExpectedVersion.Exact(2), [TestEvents.Make("late")], Timeout));
        var exists = await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => Store.AppendAsync("window", ExpectedVersion.NoStream, [TestEvents.Make("late")], Timeout));
        var missing = await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => Store.AppendAsync("elsewhere", ExpectedVersion.Exact(1), [TestEvents.Make("late")], Timeout));

        Assert.Equal("Append to stream 'window' expected version 2, but the stream is at version 3.", stale.Message);
        Assert.Equal((2L, 3L), (stale.ExpectedVersion.Value, stale.ActualVersion));
        Assert.Equal("Append to stream 'window' expected no stream, but the stream is at version 3.", exists.Message);
        Assert.Equal("Append to stream 'elsewhere' expected version 1, but the stream does not exist.", missing.Message);
        Assert.Equal(3, (await Store.ReadStreamAsync("window", 1, Timeout)).Count);
        // The refused appends drew no positions: the next append continues the sequence without a hole.
        Assert.Equal(4, (await Store.AppendAsync("window", ExpectedVersion.Exact(3), [TestEvents.Make("on time")], Timeout)).FirstPosition);
    }

    [Fact]
    public async Task Exactly_one_of_eight_concurrent_writers_wins_an_expected_version()
    {
        await Store.AppendAsync("contended", ExpectedVersion.NoStream, [TestEvents.Make("created")], Timeout);
        var connections = new List<Npgsql.NpgsqlConnection>();
        for (var i = 0; i < 8; i++)
        {
            connections.Add(await DataSource.OpenConnectionAsync(Timeout));
        }
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = connections.Select(async (connection, i) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(Timeout);
            await start.Task;
            try
            {
                await Store.AppendAsync(connection, transaction, "contended", ExpectedVersion.Exact(1), [TestEvents.Make($"writer{i}")], Timeout);
                await transaction.CommitAsync(Timeout);
                return (Won: true, Actual: 0L);
            }
            catch (WrongExpectedVersionException ex)
            {
                return (Won: false, Actual: ex.ActualVersion);
            }
        }).ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(writers);
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        Assert.Single(outcomes, o => o.Won);
        Assert.All(outcomes.Where(o => !o.Won), o => Assert.Equal(2, o.Actual));
        var stream = await Store.ReadStreamAsync("contended", 1, Timeout);
        Assert.Equal([1L, 2], stream.Select(e => e.Version));
        Assert.Equal(2, await Store.GetStreamVersionAsync("contended", Timeout));
    }

    [Fact]
    public async Task Append_with_any_version_from_eight_writers_keeps_versions_dense()
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(0, 8).Select(async w =>
        {
            await start.Task;
            for (var i = 0; i < 20; i++)
            {
                await Store.AppendAsync("busy", ExpectedVersion.Any, TestEvents.Many(1 + (i % 3), $"w{w}-{i}-"), Timeout);
            }
        }).ToList();
        start.SetResult();
        await Task.WhenAll(writers);

        var stream = await Store.ReadStreamAsync("busy", 1, Timeout);
        var expectedCount = 8 * Enumerable.Range(0, 20).Sum(i => 1 + (i % 3));
        Assert.Equal(Enumerable.Range(1, expectedCount).Select(v => (long)v), stream.Select(e => e.Version));
        // Within a stream, position order is version order.
        Assert.Equal(stream.Select(e => e.Position).Order(), stream.Select(e => e.Position));
        // Each append's events stay together and in their given order.
        foreach (var group in stream.GroupBy(e => e.Type[..e.Type.LastIndexOf('-')]))
        {
            Assert.Equal(Enumerable.Range(1, group.Count()).Select(i => $"{group.Key}-{i}"), group.Select(e => e.Type));
            Assert.Equal(group.Count() - 1, group.Last().Version - group.First().Version);
        }
        Assert.Equal(expectedCount, await Store.GetStreamVersionAsync("busy", Timeout));
    }

    private sealed record Payload(int N);
}
