using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CdnPulse.Hosting;
using Npgsql;

namespace CdnPulse.Dashboard.Tests;

/// <summary>The running system exporting to the dashboard: one trace per batch across the services, one per REST query.</summary>
[Collection(DashboardSystemCollection.Name)]
public sealed class TraceEndToEndTests(DashboardSystemFixture fixture)
{
    [Fact]
    public async Task Batch_through_Kinesis_is_one_connected_trace_from_ingest_through_enrichment_and_aggregation_to_the_event_store()
    {
        var traceId = await fixture.BatchTraceIdAsync();

        var trace = await fixture.GetAsync($"/api/traces/{traceId}");
        var spans = trace.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("span")).ToList();
        var ids = spans.Select(s => s.GetProperty("spanId").GetString()).ToHashSet();
        // One tree: a single root, every other span's parent is in the same trace.
        var root = Assert.Single(spans, s => s.GetProperty("parentSpanId").ValueKind == JsonValueKind.Null);
        Assert.All(spans.Where(s => s.GetProperty("parentSpanId").ValueKind != JsonValueKind.Null),
            s => Assert.Contains(s.GetProperty("parentSpanId").GetString(), ids));
        Assert.Equal((SystemModel.Ingest, "kinesis batch"), (Service(root), Name(root)));
        Assert.Equal("shardId-000000000000", Attribute(root, "aws.kinesis.shard_id"));
        Assert.Equal("12", Attribute(root, "cdnpulse.lines.accepted"));

        Assert.Contains(spans, s => Service(s) == SystemModel.Ingest && Attribute(s, "cdnpulse.batch.id") is { } id && id.StartsWith("kinesis:", StringComparison.Ordinal));
        Assert.Contains(spans, s => Service(s) == SystemModel.Enrichment && s.GetProperty("kind").GetString() == "consumer");
        var aggregate = Assert.Single(spans, s => Service(s) == SystemModel.Aggregation && Name(s) == "aggregate log batches");
        Assert.Contains(DashboardSystemFixture.Domain, Attribute(aggregate, "cdnpulse.domains"));
        var append = spans.First(s => Name(s) == "eventstore.append");
        Assert.Equal((SystemModel.Aggregation, "CdnPulse.EventStore"), (Service(append), append.GetProperty("scope").GetString()));
        Assert.StartsWith($"window:{DashboardSystemFixture.Domain}:", Attribute(append, "eventstore.stream_id"));

        // The appended events carry the trace context of the span that appended them, so a projection can link back.
        await using var connection = new NpgsqlConnection(fixture.System.EventsConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("select metadata->>'traceParent' from eventstore.events where stream_id = @stream", connection);
        query.Parameters.AddWithValue("stream", Attribute(append, "eventstore.stream_id")!);
        var traceParent = (string?)await query.ExecuteScalarAsync();
        Assert.Equal($"00-{traceId}-{aggregate.GetProperty("spanId").GetString()}-01", traceParent);
        Assert.DoesNotContain(spans, s => s.GetProperty("attributes").EnumerateArray()
            .Any(a => a.GetProperty("value").GetString()!.Contains(fixture.ApiKey, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Rest_query_has_its_own_trace_continued_from_the_callers_traceparent()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var parentId = ActivitySpanId.CreateRandom().ToHexString();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"{fixture.System.ServiceUrl(SystemModel.MetricsQuery)}/metric?StartTime=2026-01-15%2010:00:00&EndTime=2026-01-15%2011:00:00&Metric=request&Domain={DashboardSystemFixture.Domain}&Interval=1min");
        request.Headers.Add("x-api-key", fixture.ApiKey);
        request.Headers.Add("traceparent", $"00-{traceId}-{parentId}-01");

        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Spans of one trace leave each process in separate batches: wait for the server span, not just the first span.
        var spans = await Poll.UntilAsync(async () =>
        {
            using var found = await fixture.Api.GetAsync($"/api/traces/{traceId}");
            var rows = found.IsSuccessStatusCode
                ? JsonDocument.Parse(await found.Content.ReadAsStringAsync()).RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("span").Clone()).ToList()
                : [];
            return rows.Any(s => s.GetProperty("kind").GetString() == "server") && rows.Any(s => s.GetProperty("scope").GetString() == "Npgsql") ? rows : null;
        }, TimeSpan.FromSeconds(30), "the query's server and database spans in the dashboard");
        var server = Assert.Single(spans, s => s.GetProperty("kind").GetString() == "server");
        Assert.Equal((SystemModel.MetricsQuery, parentId, "GET /metric"), (Service(server), server.GetProperty("parentSpanId").GetString(), Name(server)));
        Assert.Equal(("/metric", "200"), (Attribute(server, "http.route"), Attribute(server, "http.response.status_code")));
        Assert.Contains(spans, s => s.GetProperty("scope").GetString() == "Npgsql" && s.GetProperty("parentSpanId").GetString() == server.GetProperty("spanId").GetString());
    }

    [Fact]
    public async Task Resources_are_listed_running_and_healthy_with_endpoints_and_pids()
    {
        var resources = await Poll.UntilAsync(async () =>
        {
            var list = (await fixture.GetAsync("/api/resources")).EnumerateArray().ToList();
            return list.All(r => r.GetProperty("health").GetString() == "Healthy") ? list : null;
        }, TimeSpan.FromSeconds(30), "every resource healthy");

        Assert.Equal(["postgres", "messaging", "kinesis", "migrations", "ingest", "enrichment", "aggregation", "metrics-query"],
            resources.Select(r => r.GetProperty("name").GetString()));
        var ingest = resources.Single(r => r.GetProperty("name").GetString() == SystemModel.Ingest);
        Assert.Equal("Running", ingest.GetProperty("state").GetString());
        Assert.Equal(fixture.System.Services[SystemModel.Ingest].Pid, ingest.GetProperty("pid").GetInt32());
        Assert.Equal(fixture.System.ServiceUrl(SystemModel.Ingest), ingest.GetProperty("endpoints")[0].GetString());
        Assert.Equal(fixture.System.Postgres!.Pid, resources[0].GetProperty("pid").GetInt32());
    }

    [Fact]
    public async Task Console_output_and_structured_logs_are_kept_per_resource_and_filterable()
    {
        var traceId = await fixture.BatchTraceIdAsync();

        var console = await fixture.GetAsync("/api/console?resource=postgres&limit=50");
        Assert.NotEmpty(console.GetProperty("lines").EnumerateArray());
        Assert.All(console.GetProperty("lines").EnumerateArray(), l => Assert.Equal("postgres", l.GetProperty("resource").GetString()));
        Assert.Contains("ingest", console.GetProperty("resources").EnumerateArray().Select(r => r.GetString()));

        var logs = await Poll.UntilAsync(async () =>
        {
            var found = (await fixture.GetAsync($"/api/logs?resource=aggregation&traceId={traceId}")).GetProperty("logs").EnumerateArray().ToList();
            return found.Count > 0 ? found : null;
        }, TimeSpan.FromSeconds(30), "the aggregation log record of the batch's trace");
        Assert.All(logs, l => Assert.Equal((SystemModel.Aggregation, traceId), (l.GetProperty("service").GetString(), l.GetProperty("traceId").GetString())));
        Assert.Contains(logs, l => l.GetProperty("message").GetString()!.StartsWith("Counted ", StringComparison.Ordinal));
        var warnings = (await fixture.GetAsync("/api/logs?severity=13&limit=5000")).GetProperty("logs").EnumerateArray();
        Assert.All(warnings, l => Assert.True(l.GetProperty("severityNumber").GetInt32() >= 13));
    }

    [Fact]
    public async Task Key_charts_show_the_ingest_rate_kinesis_lag_and_bus_queue_depth()
    {
        await fixture.BatchTraceIdAsync();

        var charts = await Poll.UntilAsync(async () =>
        {
            var all = (await fixture.GetAsync("/api/charts")).EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
            return new[] { "ingest-rate", "kinesis-lag", "queue-depth" }.All(id => all[id].GetProperty("lines").GetArrayLength() > 0) ? all : null;
        }, TimeSpan.FromSeconds(40), "ingest rate, Kinesis lag and queue depth data");

        Assert.Contains(charts["ingest-rate"].GetProperty("lines").EnumerateArray(),
            l => l.GetProperty("label").GetString() == "kinesis" && l.GetProperty("points").EnumerateArray().Any(p => p.GetProperty("v").GetDouble() > 0));
        Assert.Contains(charts["queue-depth"].GetProperty("lines").EnumerateArray(), l => l.GetProperty("label").GetString() == "log-batch-received");
        Assert.Equal(8, charts.Count);
    }

    private static string Service(JsonElement span) => span.GetProperty("service").GetString()!;

    private static string Name(JsonElement span) => span.GetProperty("name").GetString()!;

    private static string? Attribute(JsonElement span, string key) =>
        span.GetProperty("attributes").EnumerateArray().FirstOrDefault(a => a.GetProperty("key").GetString() == key) is { ValueKind: JsonValueKind.Object } a
            ? a.GetProperty("value").GetString()
            : null;
}
