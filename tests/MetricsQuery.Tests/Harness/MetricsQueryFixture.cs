using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CdnPulse.Contracts;
using CdnPulse.Hosting;

namespace CdnPulse.MetricsQuery.Tests.Harness;

/// <summary>
/// The pipeline (Ingest, Enrichment, Aggregation, MetricsQuery) started once through the AppHost's hosting library,
/// plus a second MetricsQuery instance with tight settings (rate limits, CORS origin, 1 s key cache), and
/// <see cref="TestTraffic"/> sent through Firehose and queryable before the first test runs.
/// </summary>
public sealed class MetricsQueryFixture : IAsyncLifetime
{
    public const string AllowedOrigin = "https://ops.example.com";

    private static readonly string[] PipelineServices = [SystemModel.Ingest, SystemModel.Enrichment, SystemModel.Aggregation, SystemModel.MetricsQuery];

    public RecordingResourceLog Log { get; } = new();

    public CdnPulseSystem System { get; private set; } = null!;

    /// <summary>The second instance: 2 requests/s and a burst of 5 per key, CORS for <see cref="AllowedOrigin"/>, keys cached 1 s.</summary>
    public ServiceProcess Tight { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string Url => System.ServiceUrl(SystemModel.MetricsQuery);

    public string TightUrl => Tight.Url!;

    public string ApiKey => System.ApiKey;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        System = await CdnPulseSystem.StartAsync(new SystemOptions { Log = Log, SampleTraffic = false, Services = PipelineServices }, timeout.Token);
        Tight = await SystemValues.StartMetricsQueryAsync(System, "metrics-query-tight", Log, new Dictionary<string, string>
        {
            ["RateLimiting__PermitsPerSecond"] = "2",
            ["RateLimiting__Burst"] = "5",
            ["Cors__AllowedOrigins__0"] = AllowedOrigin,
            ["Auth__KeyCacheSeconds"] = "1",
        }, timeout.Token);
        await SendAsync(TestTraffic.All, timeout.Token);
        await WaitForRequestsAsync(TestTraffic.Domain, TestTraffic.FirstMinute, TestTraffic.End, TestTraffic.All.Count, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (Tight is not null)
        {
            await Tight.DisposeAsync();
        }
        if (System is not null)
        {
            await System.DisposeAsync();
        }
    }

    /// <summary>Sends requests as CloudFront log lines through Ingest's Firehose endpoint, 200 records per call.</summary>
    public async Task SendAsync(IReadOnlyList<CdnRequest> requests, CancellationToken cancellationToken)
    {
        foreach (var chunk in requests.Chunk(200))
        {
            var requestId = Guid.NewGuid().ToString();
            var body = new { requestId, timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), records = chunk.Select(r => new { data = Convert.ToBase64String(TestTraffic.Line(r)) }) };
            using var message = new HttpRequestMessage(HttpMethod.Post, $"{System.ServiceUrl(SystemModel.Ingest)}/firehose") { Content = JsonContent.Create(body) };
            message.Headers.Add("X-Amz-Firehose-Protocol-Version", "1.0");
            message.Headers.Add("X-Amz-Firehose-Request-Id", requestId);
            message.Headers.Add("X-Amz-Firehose-Access-Key", System.FirehoseAccessKey);
            using var response = await Http.SendAsync(message, cancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>Polls the native API until the domain's requests in [from, to) reach <paramref name="expected"/>.</summary>
    public async Task WaitForRequestsAsync(string domain, DateTimeOffset from, DateTimeOffset to, long expected, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var seen = -1L;
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            var (status, body) = await GetAsync(Url, $"/api/v1/metrics/requests?domain={Uri.EscapeDataString(domain)}&from={Iso(from)}&to={Iso(to)}&interval=total", ApiKey, cancellationToken);
            if (status == HttpStatusCode.OK)
            {
                seen = body.GetProperty("series")[0].GetProperty("total").GetInt64();
                if (seen >= expected)
                {
                    return;
                }
            }
            await Task.Delay(250, cancellationToken);
        }
        Assert.Fail($"{domain} reached {seen} of {expected} requests in 90 s. Aggregation: {string.Join(" | ", Log.Tail(SystemModel.Aggregation, 10))}");
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string baseUrl, string pathAndQuery, string? key, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, baseUrl + pathAndQuery);
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }
        using var response = await Http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");
}
