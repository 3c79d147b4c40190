using CdnPulse.CdnLogs;
using CdnPulse.LoadGen.Running;
using CdnPulse.LoadGen.Sinks;
using CdnPulse.LoadGen.Traffic;

namespace CdnPulse.LoadGen.Tests;

[Collection(IpDataCollection.Name)]
public sealed class DeterminismTests(IpDataFixture data) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("default")]
    [InlineData("all")]
    public async Task Same_seed_and_options_write_the_same_bytes(string fields)
    {
        var format = fields == "all" ? RealtimeLogFormat.All.ToString() : null;
        await Traffic.RunAsync(Traffic.FileOptions(_folder.File("first.log"), 5_000, format), data.Clients);
        await Traffic.RunAsync(Traffic.FileOptions(_folder.File("second.log"), 5_000, format), data.Clients);

        var first = await File.ReadAllBytesAsync(_folder.File("first.log"));
        var second = await File.ReadAllBytesAsync(_folder.File("second.log"));
        Assert.Equal(5_000, first.Count(b => b == (byte)'\n'));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Another_seed_gives_other_lines()
    {
        var one = Traffic.Generate(data.Clients, 200, Traffic.Settings(seed: 1)).Select(l => l.Line);
        var other = Traffic.Generate(data.Clients, 200, Traffic.Settings(seed: 2)).Select(l => l.Line);

        Assert.Empty(one.Intersect(other));
    }

    [Fact]
    public async Task Records_batches_and_pacing_do_not_change_the_lines()
    {
        var expected = Traffic.Generate(data.Clients, 3_001).Select(l => l.Line + "\n");
        await using (var sink = FileSink.Open(_folder.File("records.log")))
        {
            var runner = new LoadRunner(new TrafficGenerator(Traffic.Settings(), data.Clients), sink, new RunPlan(3_001, 1000, LinesPerRecord: 7, Paced: false));
            var result = await runner.RunAsync(CancellationToken.None);
            Assert.True(result.Complete);
            Assert.Equal(3_001 / 7 + 1, runner.Counters.Records);
        }

        Assert.Equal(string.Concat(expected), await File.ReadAllTextAsync(_folder.File("records.log")));
    }

    [Fact]
    public void The_requests_are_the_same_in_every_format()
    {
        var eleven = Traffic.Generate(data.Clients, 2_000, Traffic.Settings(format: RealtimeLogFormat.Default));
        var all = Traffic.Generate(data.Clients, 2_000, Traffic.Settings(format: RealtimeLogFormat.All));

        Assert.Equal(eleven.Select(l => l.Request), all.Select(l => l.Request));
        Assert.All(all.Zip(eleven), pair => Assert.True(pair.First.Line.Length > pair.Second.Line.Length));
    }

    [Fact]
    public void Timestamps_follow_the_rate_from_the_start_time()
    {
        var lines = Traffic.Generate(data.Clients, 1_000, Traffic.Settings(rate: 100));
        var start = Traffic.Start.ToUnixTimeMilliseconds();

        Assert.All(lines, l => Assert.InRange(l.Request.TimestampMs, start + (l.Index * 10), start + (l.Index * 10) + 9));
    }
}
