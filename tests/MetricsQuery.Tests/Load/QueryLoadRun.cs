using System.Diagnostics;
using System.Globalization;
using System.Text;
using CdnPulse.Hosting;
using CdnPulse.MetricsQuery.Tests.Harness;
using Npgsql;
using Xunit.Abstractions;
using Store = CdnPulse.EventStore.EventStore;

namespace CdnPulse.MetricsQuery.Tests.Load;

/// <summary>
/// Query latency for 24 h of one busy domain: seeds the minute tables through the projection, then runs bounded
/// closed loops against 127.0.0.1 and reports percentiles (docs/benchmarks.md). Settings come from the environment:
/// CDNPULSE_LOAD_LINES_PER_SECOND (default 50), CDNPULSE_LOAD_HOURS (24), CDNPULSE_LOAD_SECONDS per loop (20),
/// CDNPULSE_LOAD_CONCURRENCY (1,4).
/// </summary>
public sealed class QueryLoadRun(ITestOutputHelper output)
{
    private const string Domain = "busy.example.com";

    [LoadRunFact]
    public async Task Query_latency_over_24_hours_of_a_busy_domain()
    {
        var rate = Setting("CDNPULSE_LOAD_LINES_PER_SECOND", 50.0);
        var hours = Setting("CDNPULSE_LOAD_HOURS", 24.0);
        var seconds = Setting("CDNPULSE_LOAD_SECONDS", 20.0);
        var concurrencies = (Environment.GetEnvironmentVariable("CDNPULSE_LOAD_CONCURRENCY") ?? "1,4").Split(',').Select(int.Parse).ToList();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(60));
        var log = new RecordingResourceLog();

        await using var system = await CdnPulseSystem.StartAsync(new SystemOptions { Log = log, SampleTraffic = false, Services = [] }, timeout.Token);
        await using var service = await SystemValues.StartMetricsQueryAsync(system, "metrics-query-load", log, new Dictionary<string, string>
        {
            ["RateLimiting__PermitsPerSecond"] = "1000000",
            ["RateLimiting__Burst"] = "1000000",
            ["Logging__LogLevel__Default"] = "Warning",
            // The projection's own defaults: batches bounded by bytes and an adaptive event limit catch up with the backlog.
            ["EventStore__Projections__BatchSize"] = Environment.GetEnvironmentVariable("CDNPULSE_LOAD_PROJECTION_BATCH") ?? "1000",
        }, timeout.Token);
        var url = service.Url!;

        var end = DateTimeOffset.UtcNow;
        end = new DateTimeOffset(end.Year, end.Month, end.Day, end.Hour, end.Minute, 0, TimeSpan.Zero);
        var start = end - TimeSpan.FromHours(hours);
        await using var dataSource = NpgsqlDataSource.Create(system.EventsConnectionString);
        var seeding = Stopwatch.StartNew();
        var (lines, events) = await BusyDomainSeeder.SeedAsync(new Store(dataSource), Domain, start, end - start, rate, timeout.Token);
        var appended = seeding.Elapsed;
        await WaitForProjectionAsync(dataSource, timeout.Token);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Seeded {lines:N0} lines of {Domain} over {hours} h ({rate} lines/s) as {events} events: appended in {appended.TotalSeconds:0} s, projected after {seeding.Elapsed.TotalSeconds:0} s.");
        report.AppendLine(await RowCountsAsync(dataSource));

        var range = $"StartTime={Compatible(start)}&EndTime={Compatible(end)}&Domain={Domain}";
        var nativeRange = $"domain={Domain}&from={MetricsQueryFixture.Iso(start)}&to={MetricsQueryFixture.Iso(end)}";
        var queries = new (string Name, string PathAndQuery)[]
        {
            ("compatible Metric=all (5min)", $"/metric?{range}&Metric=all"),
            ("compatible Metric=request (5min)", $"/metric?{range}&Metric=request"),
            ("compatible Metric=topNUrlRequests", $"/metric?{range}&Metric=topNUrlRequests"),
            ("native requests (auto 5m)", $"/api/v1/metrics/requests?{nativeRange}"),
            ("native latencyP99 (auto 5m)", $"/api/v1/metrics/latencyP99?{nativeRange}"),
            ("native topUrlsByRequests", $"/api/v1/metrics/topUrlsByRequests?{nativeRange}"),
        };
        await HoldForInspectionAsync(system, url, timeout.Token);
        report.AppendLine(CultureInfo.InvariantCulture, $"Load average before the loops: {LoadAverage()}.");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrencies.Max() }) { Timeout = TimeSpan.FromSeconds(120) };
        report.AppendLine("| query | answer | clients | requests | failed | req/s | p50 ms | p90 ms | p99 ms | max ms |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, pathAndQuery) in queries)
        {
            var warmUp = await LoadLoop.RunAsync(http, url + pathAndQuery, system.ApiKey, 1, TimeSpan.FromSeconds(3));
            // The first answer of the warm-up is the slowest: it fills the cache.
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name}: warm-up, slowest (cold) answer | | 1 | {warmUp.Requests} | | | | | | {warmUp.SortedMs.LastOrDefault():0.0} |");
            // A query that takes seconds is measured with one client only: more would only queue behind it.
            foreach (var concurrency in warmUp.Percentile(50) > 5000 ? [1] : concurrencies)
            {
                var result = await LoadLoop.RunAsync(http, url + pathAndQuery, system.ApiKey, concurrency, TimeSpan.FromSeconds(seconds));
                report.AppendLine(result.Row(name));
                output.WriteLine(result.Row(name));
            }
        }
        report.AppendLine(CultureInfo.InvariantCulture, $"Load average after the loops: {LoadAverage()}.");
        output.WriteLine(report.ToString());
        var file = Path.Combine(AppContext.BaseDirectory, $"load-run-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
        await File.WriteAllTextAsync(file, report.ToString(), timeout.Token);
        output.WriteLine($"Written to {file}");
    }

    /// <summary>
    /// With CDNPULSE_LOAD_HOLD=&lt;file&gt;, writes the URL, key and database there after seeding and waits until the file is
    /// deleted, to inspect query plans before the loops run.
    /// </summary>
    private static async Task HoldForInspectionAsync(CdnPulseSystem system, string url, CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable("CDNPULSE_LOAD_HOLD") is not { Length: > 0 } file)
        {
            return;
        }
        await File.WriteAllTextAsync(file, $"url={url}\nkey={system.ApiKey}\nevents={system.EventsConnectionString}\n", cancellationToken);
        while (File.Exists(file))
        {
            await Task.Delay(1000, cancellationToken);
        }
    }

    private static async Task WaitForProjectionAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var command = dataSource.CreateCommand("""
                select coalesce((select max(position) from eventstore.events), 0)
                     - coalesce((select position from eventstore.projection_checkpoints where name = 'metric-minutes'), 0)
                """);
            if ((long)(await command.ExecuteScalarAsync(cancellationToken))! <= 0)
            {
                return;
            }
            await Task.Delay(500, cancellationToken);
        }
    }

    private static async Task<string> RowCountsAsync(NpgsqlDataSource dataSource)
    {
        var counts = new List<string>();
        foreach (var table in new[] { "minute_stats", "minute_status", "minute_edge", "minute_latency", "minute_urls", "minute_speed" })
        {
            await using var command = dataSource.CreateCommand($"select count(*) from metrics.{table} where domain = '{Domain}'");
            counts.Add($"{table} {(long)(await command.ExecuteScalarAsync())!:N0}");
        }
        await using var countries = dataSource.CreateCommand($"select count(distinct country) from metrics.minute_stats where domain = '{Domain}'");
        return $"Rows: {string.Join(", ", counts)}; countries {(long)(await countries.ExecuteScalarAsync())!}.";
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Compatible(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'%20'HH:mm:ss", CultureInfo.InvariantCulture);

    private static double Setting(string name, double fallback) =>
        double.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
