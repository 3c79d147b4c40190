using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using CdnPulse.Hosting;
using CdnPulse.Kinesis.Model;

namespace CdnPulse.EndToEnd.Tests;

[Collection(SystemCollection.Name)]
public sealed class PipelineTests(SystemFixture fixture)
{
    private const string Domain = "e2e.example.com";

    [Fact]
    public async Task Lines_through_Kinesis_and_Firehose_come_back_as_exact_per_minute_counts_and_bytes()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var minutes = Enumerable.Range(0, 3).Select(m => KnownTraffic.Minute(Domain, m)).ToList();

        // Minute 0: Kinesis, one line per record, plus a malformed record that must not cost its neighbours.
        using var kinesis = fixture.System.CreateKinesisClient();
        var entries = minutes[0].Select((r, i) => new PutRecordsEntry($"k{i}", KnownTraffic.Line(r))).ToList();
        entries.Add(new PutRecordsEntry("bad", Encoding.UTF8.GetBytes("not\ta\tlog\tline\n")));
        await PutAllAsync(kinesis, entries, timeout.Token);

        // Minute 1: Firehose, plain JSON, with a record that is not base64 and a line with a bad number; delivered twice (a Firehose retry).
        var records = minutes[1].Select(r => Convert.ToBase64String(KnownTraffic.Line(r))).ToList();
        records.Add("***not-base64***");
        records.Add(Convert.ToBase64String(Encoding.UTF8.GetBytes(
            Encoding.UTF8.GetString(KnownTraffic.Line(minutes[1][1])).Replace("\t200\t", "\tabc\t", StringComparison.Ordinal))));
        var retried = FirehoseBody("req-minute-1", records);
        Assert.Equal(HttpStatusCode.OK, (await PostFirehoseAsync(retried, gzip: false, fixture.System.FirehoseAccessKey, timeout.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostFirehoseAsync(retried, gzip: false, fixture.System.FirehoseAccessKey, timeout.Token)).StatusCode);

        // Minute 2: half through Kinesis as one multi-line record, half through Firehose gzip.
        var half = minutes[2].Count / 2;
        var multiLine = minutes[2].Take(half).SelectMany(KnownTraffic.Line).ToArray();
        await PutAllAsync(kinesis, [new PutRecordsEntry("multi", multiLine)], timeout.Token);
        var gzipped = FirehoseBody("req-minute-2", minutes[2].Skip(half).Select(r => Convert.ToBase64String(KnownTraffic.Line(r))).ToList());
        using (var response = await PostFirehoseAsync(gzipped, gzip: true, fixture.System.FirehoseAccessKey, timeout.Token))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token));
            Assert.Equal("req-minute-2", body.RootElement.GetProperty("requestId").GetString());
            Assert.True(body.RootElement.GetProperty("timestamp").GetInt64() > 0);
        }

        var expectedTotal = minutes.Sum(m => m.Count);
        var requests = await PollUntilAsync("request", points => points.Sum(p => long.Parse(p.Value)) >= expectedTotal, timeout.Token);
        var bytes = await QueryAsync("downstreamTraffic", timeout.Token);

        var expectedTimes = Enumerable.Range(1, 3).Select(m => (KnownTraffic.FirstMinute + TimeSpan.FromMinutes(m)).ToString("yyyy-MM-dd HH:mm:ss")).ToList();
        Assert.Equal(expectedTimes, requests.Select(p => p.Time).ToList());
        Assert.Equal(minutes.Select(m => m.Count.ToString()).ToList(), requests.Select(p => p.Value).ToList());
        Assert.Equal(minutes.Select(m => KnownTraffic.Bytes(m).ToString()).ToList(), bytes.Select(p => p.Value).ToList());

        using var rejects = await GetWithKeyAsync($"{fixture.System.ServiceUrl(SystemModel.Ingest)}/rejects", timeout.Token);
        var counts = JsonDocument.Parse(await rejects.Content.ReadAsStringAsync(timeout.Token)).RootElement.GetProperty("counts");
        Assert.True(counts.GetProperty("WrongFieldCount").GetInt64() >= 1);
        Assert.True(counts.GetProperty("BadEncoding").GetInt64() >= 1);
        Assert.True(counts.GetProperty("BadNumber").GetInt64() >= 1);
    }

    [Fact]
    public async Task Metric_api_refuses_a_missing_key_with_403_and_names_a_missing_parameter()
    {
        var url = fixture.System.ServiceUrl(SystemModel.MetricsQuery);
        using var noKey = await fixture.Http.GetAsync($"{url}/metric?StartTime=2026-01-15%2010:00:00&EndTime=2026-01-15%2011:00:00&Metric=request&Domain=x");
        Assert.Equal(HttpStatusCode.Forbidden, noKey.StatusCode);
        Assert.Equal("Forbidden", JsonDocument.Parse(await noKey.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());

        using var noDomain = await GetWithKeyAsync($"{url}/prod/metric?StartTime=2026-01-15%2010:00:00&EndTime=2026-01-15%2011:00:00&Metric=request", CancellationToken.None);
        Assert.Equal(HttpStatusCode.BadRequest, noDomain.StatusCode);
        Assert.Equal("Domain", JsonDocument.Parse(await noDomain.Content.ReadAsStringAsync()).RootElement.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Firehose_endpoint_rejects_a_wrong_access_key_with_401_and_the_request_id()
    {
        using var response = await PostFirehoseAsync(FirehoseBody("req-wrong-key", []), gzip: false, "not-the-key-at-all", CancellationToken.None);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("req-wrong-key", body.GetProperty("requestId").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("errorMessage").GetString()));
    }

    private static async Task PutAllAsync(Kinesis.KinesisClient client, IReadOnlyList<PutRecordsEntry> entries, CancellationToken cancellationToken)
    {
        var pending = entries;
        for (var attempt = 0; pending.Count > 0; attempt++)
        {
            Assert.True(attempt < 10, "Kinesis kept refusing records");
            var result = await client.PutRecordsAsync(SystemModel.StreamName, pending, cancellationToken);
            pending = result.FailedEntries(pending);
        }
    }

    private static string FirehoseBody(string requestId, IReadOnlyList<string> base64Records) =>
        JsonSerializer.Serialize(new { requestId, timestamp = 1_768_471_200_000L, records = base64Records.Select(data => new { data }) });

    private async Task<HttpResponseMessage> PostFirehoseAsync(string json, bool gzip, string accessKey, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        if (gzip)
        {
            using var buffer = new MemoryStream();
            await using (var zip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                await zip.WriteAsync(bytes, cancellationToken);
            }
            bytes = buffer.ToArray();
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{fixture.System.ServiceUrl(SystemModel.Ingest)}/firehose")
        {
            Content = new ByteArrayContent(bytes),
        };
        request.Content.Headers.ContentType = new("application/json");
        if (gzip)
        {
            request.Content.Headers.ContentEncoding.Add("gzip");
        }
        request.Headers.Add("X-Amz-Firehose-Protocol-Version", "1.0");
        // Firehose sends the same id in the header and the body.
        request.Headers.Add("X-Amz-Firehose-Request-Id", JsonDocument.Parse(json).RootElement.GetProperty("requestId").GetString());
        request.Headers.Add("X-Amz-Firehose-Access-Key", accessKey);
        return await fixture.Http.SendAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> GetWithKeyAsync(string url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("x-api-key", fixture.System.ApiKey);
        return await fixture.Http.SendAsync(request, cancellationToken);
    }

    private async Task<List<(string Time, string Value)>> QueryAsync(string metric, CancellationToken cancellationToken)
    {
        var from = KnownTraffic.FirstMinute;
        var url = $"{fixture.System.ServiceUrl(SystemModel.MetricsQuery)}/metric?StartTime={Uri.EscapeDataString(from.ToString("yyyy-MM-dd HH:mm:ss"))}"
                  + $"&EndTime={Uri.EscapeDataString(from.AddMinutes(10).ToString("yyyy-MM-dd HH:mm:ss"))}&Metric={metric}&Domain={Domain}&Interval=1min";
        using var response = await GetWithKeyAsync(url, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var root = document.RootElement.GetProperty("Response");
        Assert.Equal("1min", root.GetProperty("Interval").GetString());
        Assert.Equal("all", root.GetProperty("Country").GetString());
        var cdnData = root.GetProperty("Data")[0].GetProperty("CdnData")[0];
        Assert.Equal(metric, cdnData.GetProperty("Metric").GetString());
        return cdnData.GetProperty("DetailData").EnumerateArray()
            .Select(p => (p.GetProperty("Time").GetString()!, p.GetProperty("Value").GetString()!)).ToList();
    }

    private async Task<List<(string Time, string Value)>> PollUntilAsync(
        string metric, Func<List<(string Time, string Value)>, bool> done, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            var points = await QueryAsync(metric, cancellationToken);
            if (done(points))
            {
                return points;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{metric} did not reach the expected total in time; last answer: {string.Join(", ", points)}. "
                            + $"Aggregation log: {string.Join(" | ", fixture.Log.Tail(SystemModel.Aggregation, 10))}");
            }
            await Task.Delay(250, cancellationToken);
        }
    }
}
