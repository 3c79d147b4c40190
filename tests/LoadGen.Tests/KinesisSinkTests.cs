using System.Text;
using CdnPulse.CdnLogs;
using CdnPulse.Kinesis;
using CdnPulse.Kinesis.Model;
using CdnPulse.LoadGen.Options;
using CdnPulse.LoadGen.Sinks;

namespace CdnPulse.LoadGen.Tests;

[Collection(IpDataCollection.Name)]
public sealed class KinesisSinkTests(IpDataFixture data, KinesaliteFixture kinesalite) : IClassFixture<KinesaliteFixture>, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Kinesis_stream_holds_exactly_the_lines_sent_grouped_into_records()
    {
        const int lines = 2_000;
        var stream = $"loadgen-{Guid.NewGuid():N}";
        var options = Traffic.FileOptions(_folder.File("expected.log"), lines, RealtimeLogFormat.All.ToString()) with
        {
            Sink = SinkKind.Kinesis,
            FilePath = null,
            KinesisUrl = kinesalite.Server.ServiceUrl,
            StreamName = stream,
            CreateStreamShards = 3,
            LinesPerRecord = 4,
            Concurrency = 3,
        };
        var totals = await Traffic.RunAsync(options, data.Clients);
        await Traffic.RunAsync(options with { Sink = SinkKind.File, FilePath = _folder.File("expected.log"), KinesisUrl = null, CreateStreamShards = null }, data.Clients);

        using var client = kinesalite.CreateClient();
        var records = await ReadAllAsync(client, stream, expected: lines / 4);
        var expected = Traffic.ReadLines(_folder.File("expected.log"));
        var received = records.SelectMany(r => Encoding.UTF8.GetString(r.Data.Span).Split('\n')[..^1]).ToList();

        Assert.Equal((lines, lines / 4L), (totals.Lines, totals.Records));
        Assert.All(records, r => Assert.Equal(4, r.Data.Span.Count((byte)'\n')));
        Assert.Equal(expected.Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal));
        Assert.True(records.Select(r => r.PartitionKey).Distinct().Count() == records.Count, "partition keys repeat");
    }

    [Fact]
    public async Task Missing_stream_is_reported_by_name_before_any_line_is_sent()
    {
        var options = Traffic.FileOptions("unused", 10) with
        {
            Sink = SinkKind.Kinesis,
            FilePath = null,
            KinesisUrl = kinesalite.Server.ServiceUrl,
            StreamName = "no-such-stream",
        };

        var error = await Assert.ThrowsAsync<DeliveryException>(() => Traffic.RunAsync(options, data.Clients));

        Assert.Contains("'no-such-stream' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("--create-stream", error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<KinesisRecord>> ReadAllAsync(KinesisClient client, string stream, int expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var records = new List<KinesisRecord>();
        foreach (var shard in await client.ListShardsAsync(stream, timeout.Token))
        {
            var iterator = await client.GetShardIteratorAsync(stream, shard.ShardId, ShardIteratorType.TrimHorizon, cancellationToken: timeout.Token);
            // PutRecords returned, so every record is stored: read each shard until a page comes back empty.
            while (iterator is not null)
            {
                var page = await client.GetRecordsAsync(iterator, cancellationToken: timeout.Token);
                records.AddRange(page.Records);
                iterator = page.Records.Count == 0 ? null : page.NextShardIterator;
            }
        }

        Assert.Equal(expected, records.Count);
        return records;
    }
}
