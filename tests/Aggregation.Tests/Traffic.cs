using System.Net;
using System.Text;
using System.Text.Json;
using CdnPulse.Contracts;
using CdnPulse.Hosting;
using CdnPulse.Kinesis.Model;

namespace CdnPulse.Aggregation.Tests;

/// <summary>Sends log lines into the running system the ways CloudFront does: Kinesis records and Firehose HTTP deliveries.</summary>
internal static class Traffic
{
    /// <summary>PutRecords with <paramref name="linesPerRecord"/> lines per record, at most 400 records per call, retrying refused records.</summary>
    public static async Task PutKinesisAsync(CdnPulseSystem system, IReadOnlyList<CdnRequest> requests, int linesPerRecord, CancellationToken cancellationToken)
    {
        using var client = system.CreateKinesisClient();
        var records = requests.Chunk(linesPerRecord).Select((chunk, i) => new PutRecordsEntry($"p{i}", LogFormat.Lines(chunk))).ToList();
        foreach (var call in records.Chunk(400))
        {
            IReadOnlyList<PutRecordsEntry> pending = call;
            for (var attempt = 0; pending.Count > 0; attempt++)
            {
                Assert.True(attempt < 20, "Kinesis kept refusing records");
                var result = await client.PutRecordsAsync(SystemModel.StreamName, pending, cancellationToken);
                pending = result.FailedEntries(pending);
            }
        }
    }

    /// <summary>Firehose HTTP endpoint deliveries of <paramref name="recordsPerRequest"/> records, each of <paramref name="linesPerRecord"/> lines.</summary>
    public static async Task PostFirehoseAsync(SystemFixture fixture, IReadOnlyList<CdnRequest> requests, int linesPerRecord, int recordsPerRequest,
        CancellationToken cancellationToken)
    {
        var deliveries = requests.Chunk(linesPerRecord).Select(chunk => Convert.ToBase64String(LogFormat.Lines(chunk))).Chunk(recordsPerRequest);
        foreach (var (records, i) in deliveries.Select((d, i) => (d, i)))
        {
            var requestId = $"truth-{Guid.NewGuid():N}-{i}";
            var json = JsonSerializer.Serialize(new { requestId, timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), records = records.Select(data => new { data }) });
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{fixture.System.ServiceUrl(SystemModel.Ingest)}/firehose")
            {
                Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)),
            };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.Add("X-Amz-Firehose-Protocol-Version", "1.0");
            request.Headers.Add("X-Amz-Firehose-Request-Id", requestId);
            request.Headers.Add("X-Amz-Firehose-Access-Key", fixture.System.FirehoseAccessKey);
            using var response = await fixture.Http.SendAsync(request, cancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Firehose delivery answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
