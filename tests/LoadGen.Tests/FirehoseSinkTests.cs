using System.Globalization;
using System.Text;
using CdnPulse.LoadGen.Options;
using CdnPulse.LoadGen.Running;
using CdnPulse.LoadGen.Sinks;

namespace CdnPulse.LoadGen.Tests;

[Collection(IpDataCollection.Name)]
public sealed class FirehoseSinkTests(IpDataFixture data) : IDisposable
{
    private const string AccessKey = "test-access-key-0123456789";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Delivers_every_line_as_base64_records_with_the_access_key(bool gzip)
    {
        await using var endpoint = await FirehoseEndpoint.StartAsync();
        var options = Traffic.FileOptions(_folder.File("expected.log"), 1_000) with { TotalsPath = null };
        await Traffic.RunAsync(options, data.Clients);

        var totals = await Traffic.RunAsync(options with
        {
            Sink = SinkKind.Firehose,
            FilePath = null,
            FirehoseUrl = endpoint.Url,
            AccessKey = AccessKey,
            Gzip = gzip,
            LinesPerRecord = 2,
            RecordsPerRequest = 100,
        }, data.Clients);

        var requests = endpoint.Requests.ToList();
        Assert.Equal(5, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.Equal(AccessKey, r.Headers[FirehoseSink.AccessKeyHeader]);
            Assert.Equal(r.Body.GetProperty("requestId").GetString(), r.Headers[FirehoseSink.RequestIdHeader]);
            Assert.Equal("1.0", r.Headers["X-Amz-Firehose-Protocol-Version"]);
            Assert.Equal(gzip, r.Gzip);
            Assert.True(r.Body.GetProperty("timestamp").GetInt64() > 0);
        });
        // Requests run in parallel, so they may arrive in any order; each keeps its lines in order.
        var received = requests.OrderBy(r => long.Parse(r.Body.GetProperty("requestId").GetString()!.Split('-')[^1], CultureInfo.InvariantCulture))
            .SelectMany(r => r.Records).Select(Encoding.UTF8.GetString);
        Assert.Equal(await File.ReadAllTextAsync(_folder.File("expected.log")), string.Concat(received));
        Assert.Equal((1_000L, 500L), (totals.Lines, totals.Records));
    }

    [Fact]
    public async Task Retries_a_5xx_or_429_with_the_same_request_id()
    {
        await using var endpoint = await FirehoseEndpoint.StartAsync(503, 429, 500);
        var counters = new RunCounters();

        await using (var sink = Sink(endpoint, maxRetries: 5))
        {
            await sink.DeliverAsync(new LineBatch(7, 0, [], [Encoding.UTF8.GetBytes("line\n")]), counters, CancellationToken.None);
        }

        var ids = endpoint.Requests.Select(r => r.Headers[FirehoseSink.RequestIdHeader]).ToList();
        Assert.Equal(4, ids.Count);
        Assert.Single(ids.Distinct());
        Assert.EndsWith("-7", ids[0], StringComparison.Ordinal);
        Assert.Equal(("HTTP 500", 3L), (counters.LastRetryReason, counters.Retries));
    }

    [Fact]
    public async Task A_refused_key_stops_the_run_without_retrying_and_keeps_the_key_out_of_the_message()
    {
        await using var endpoint = await FirehoseEndpoint.StartAsync(401);

        await using var sink = Sink(endpoint, maxRetries: 5);
        var error = await Assert.ThrowsAsync<DeliveryException>(
            () => sink.DeliverAsync(new LineBatch(0, 0, [], [Encoding.UTF8.GetBytes("line\n")]), new RunCounters(), CancellationToken.None));

        Assert.Single(endpoint.Requests);
        Assert.Contains("HTTP 401: scripted 401", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_delivery_leaves_its_lines_out_of_the_totals()
    {
        await using var endpoint = await FirehoseEndpoint.StartAsync(200, 400);
        var options = Traffic.FileOptions("unused", 300) with
        {
            Sink = SinkKind.Firehose,
            FilePath = null,
            FirehoseUrl = endpoint.Url,
            AccessKey = AccessKey,
            RecordsPerRequest = 100,
            Concurrency = 1,
        };

        await using var session = await LoadSession.OpenAsync(options, Traffic.Start, data.Clients);
        var result = await session.RunAsync(CancellationToken.None);
        var document = session.Document(result);

        Assert.False(result.Complete);
        Assert.Contains("HTTP 400", result.Error, StringComparison.Ordinal);
        Assert.Equal((100L, 100L, false), (document.Lines, document.Requests, document.Complete));
        Assert.Equal(100, document.Windows.Sum(w => w.Requests));
    }

    private static FirehoseSink Sink(FirehoseEndpoint endpoint, int maxRetries) =>
        new(new HttpClient(), endpoint.Url, AccessKey, gzip: false, recordsPerRequest: 500, maxRetries, concurrency: 1);
}
