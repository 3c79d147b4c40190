using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CdnPulse.CdnLogs;
using CdnPulse.Contracts;
using CdnPulse.Hosting;

namespace CdnPulse.Dashboard.Tests;

/// <summary>
/// The dashboard, then the system (without sample traffic) exporting to its OTLP receiver over gRPC, as the AppHost
/// runs them; plus one known batch of log lines sent through Kinesis, whose trace the tests look at.
/// </summary>
public sealed class DashboardSystemFixture : IAsyncLifetime
{
    public const string Domain = "traced.example.com";

    private readonly SemaphoreSlim _batchGate = new(1, 1);
    private string? _batchTraceId;

    public string ApiKey { get; } = Secrets.NewApiKey();

    public RecordingResourceLog Log { get; } = new();

    public DashboardHost Dashboard { get; private set; } = null!;

    public CdnPulseSystem System { get; private set; } = null!;

    /// <summary>The dashboard's API, with the local key.</summary>
    public HttpClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        Dashboard = await DashboardHost.StartAsync(new DashboardOptions
        {
            ApiKey = ApiKey,
            OtlpApiKey = Secrets.NewApiKey(),
            UseStandardPorts = false,
            ProbeInterval = TimeSpan.FromSeconds(1),
        }, timeout.Token);
        System = await CdnPulseSystem.StartAsync(new SystemOptions
        {
            Log = Dashboard.ResourceLog(Log),
            SampleTraffic = false,
            KinesisShards = 1,
            ApiKey = ApiKey,
            Services = [SystemModel.Ingest, SystemModel.Enrichment, SystemModel.Aggregation, SystemModel.MetricsQuery],
            OtlpEndpoint = Dashboard.OtlpGrpcEndpoint,
            OtlpProtocol = "grpc",
            OtlpHeaders = Dashboard.OtlpHeaders,
        }, timeout.Token);
        Dashboard.Attach(System);
        Api = new HttpClient { BaseAddress = new Uri(Dashboard.Url), Timeout = TimeSpan.FromSeconds(10) };
        Api.DefaultRequestHeaders.Add("x-api-key", ApiKey);
    }

    public async Task<JsonElement> GetAsync(string path) =>
        (await Api.GetFromJsonAsync<JsonElement>(path)).Clone();

    /// <summary>
    /// Sends one Kinesis record of <see cref="Domain"/> lines (once per fixture) and returns the id of the trace that
    /// holds its event-store appends, once that trace also holds the Ingest and Enrichment spans and every span's parent.
    /// </summary>
    public async Task<string> BatchTraceIdAsync()
    {
        await _batchGate.WaitAsync();
        try
        {
            if (_batchTraceId is null)
            {
                using var kinesis = System.CreateKinesisClient();
                var minute = DateTimeOffset.UtcNow.AddMinutes(-5);
                var writer = new LogLineWriter(RealtimeLogFormat.Default);
                var lines = string.Concat(Enumerable.Range(0, 12).Select(i => writer.Write(new CdnRequest(
                    minute.AddSeconds(i).ToUnixTimeMilliseconds(), "8.8.8.8", 200, 1000 + i, Domain, $"/img/{i}.png", 20 + i,
                    "Hit", "Hit", "US", null, null)) + "\n"));
                await kinesis.PutRecordAsync(SystemModel.StreamName, "traced", Encoding.UTF8.GetBytes(lines));
                _batchTraceId = await Poll.UntilAsync(FindBatchTraceAsync, TimeSpan.FromSeconds(60),
                    "one trace with spans of ingest, enrichment, aggregation and the event-store append of the batch");
            }
            return _batchTraceId;
        }
        finally
        {
            _batchGate.Release();
        }
    }

    private async Task<string?> FindBatchTraceAsync()
    {
        var list = await GetAsync($"/api/traces?search={Domain}");
        foreach (var trace in list.GetProperty("traces").EnumerateArray())
        {
            var services = trace.GetProperty("services").EnumerateArray().Select(s => s.GetString()).ToHashSet();
            if (services.IsSupersetOf([SystemModel.Ingest, SystemModel.Enrichment, SystemModel.Aggregation]))
            {
                var id = trace.GetProperty("traceId").GetString()!;
                var spans = (await GetAsync($"/api/traces/{id}")).GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("span")).ToList();
                // Each process exports its spans in its own batches: the trace is complete once every parent has arrived.
                var ids = spans.Select(s => s.GetProperty("spanId").GetString()).ToHashSet();
                var connected = spans.All(s => s.GetProperty("parentSpanId").GetString() is not { } parent || ids.Contains(parent));
                if (connected && spans.Any(s => s.GetProperty("name").GetString() == "eventstore.append") &&
                    spans.Any(s => s.GetProperty("name").GetString() == "aggregate log batches"))
                {
                    return id;
                }
            }
        }
        return null;
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        if (System is not null)
        {
            await System.DisposeAsync();
        }
        if (Dashboard is not null)
        {
            await Dashboard.DisposeAsync();
        }
        _batchGate.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardSystemCollection : ICollectionFixture<DashboardSystemFixture>
{
    public const string Name = "dashboard system";
}
