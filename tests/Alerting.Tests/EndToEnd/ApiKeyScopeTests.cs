using System.Text.Json;
using System.Text.Json.Nodes;
using CdnPulse.Alerting.Tests.Apis;
using CdnPulse.ServiceDefaults.ApiKeys;
using Npgsql;

namespace CdnPulse.Alerting.Tests.EndToEnd;

/// <summary>
/// Alerting's endpoints against the running service with keys stored in its PostgreSQL (ApiKeyStore, the schema
/// applied by <c>cdnpulse-admin migrate</c>): every endpoint needs the manage-alarms scope.
/// </summary>
[Collection(AlertingSystemCollection.Name)]
public sealed class ApiKeyScopeTests(AlertingSystemFixture fixture) : IAsyncLifetime
{
    private static readonly string[] Reads = ["/alarms", "/alarms/scoped-alarm", "/alarms/scoped-alarm/history", "/alarm-history", "/subscriptions", "/deliveries", "/dead-letters"];

    private NpgsqlDataSource _dataSource = null!;
    private string _readMetricsKey = null!;
    private string _manageAlarmsKey = null!;

    public async Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(fixture.System.EventsConnectionString);
        var store = new ApiKeyStore(_dataSource);
        _readMetricsKey = (await store.CreateAsync("grafana", [ApiKeyScopes.ReadMetrics, ApiKeyScopes.Ingest, ApiKeyScopes.Admin], CancellationToken.None)).Key;
        _manageAlarmsKey = (await store.CreateAsync("ops", [ApiKeyScopes.ManageAlarms], CancellationToken.None)).Key;
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    [Fact]
    public async Task A_key_without_manage_alarms_gets_403_naming_the_scope_on_every_endpoint()
    {
        var (status, body) = await fixture.SendWithKeyAsync(_readMetricsKey, HttpMethod.Post, "/alarms", Alarm());
        AssertForbidden(status, body);
        (status, body) = await fixture.SendWithKeyAsync(_readMetricsKey, HttpMethod.Post, "/subscriptions",
            new JsonObject { ["Name"] = "scoped-hook", ["Url"] = "http://127.0.0.1:9/hook" });
        AssertForbidden(status, body);
        (status, body) = await fixture.SendWithKeyAsync(_readMetricsKey, HttpMethod.Delete, "/alarms/scoped-alarm");
        AssertForbidden(status, body);
        foreach (var path in Reads)
        {
            (status, body) = await fixture.SendWithKeyAsync(_readMetricsKey, HttpMethod.Get, path);
            AssertForbidden(status, body);
        }
    }

    [Fact]
    public async Task A_manage_alarms_key_creates_reads_and_deletes_an_alarm()
    {
        var (status, body) = await fixture.SendWithKeyAsync(_manageAlarmsKey, HttpMethod.Post, "/alarms", Alarm());
        Assert.Equal(201, status);
        Assert.Equal("scoped-alarm", body.GetProperty("AlarmName").GetString());
        Assert.Equal("p99.9", body.GetProperty("ExtendedStatistic").GetString());

        foreach (var path in Reads)
        {
            (status, _) = await fixture.SendWithKeyAsync(_manageAlarmsKey, HttpMethod.Get, path);
            Assert.True(status == 200, $"GET {path} answered {status}");
        }
        (status, _) = await fixture.SendWithKeyAsync(_manageAlarmsKey, HttpMethod.Delete, "/alarms/scoped-alarm");
        Assert.Equal(204, status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("cdp_not-a-key-that-was-ever-issued-by-anyone")]
    public async Task A_missing_or_unknown_key_gets_401(string? key)
    {
        var (status, body) = await fixture.SendWithKeyAsync(key, HttpMethod.Post, "/alarms", Alarm());
        Assert.Equal(401, status);
        Assert.Equal("Unauthorized: send a valid key in the x-api-key header.", body.GetProperty("message").GetString());
        Assert.False(body.TryGetProperty("requiredScope", out _));

        (status, _) = await fixture.SendWithKeyAsync(key, HttpMethod.Get, "/alarms");
        Assert.Equal(401, status);
    }

    [Fact]
    public async Task Health_needs_no_key()
    {
        using var response = await fixture.Http.GetAsync(fixture.AlertingUrl + "/health");
        Assert.Equal(200, (int)response.StatusCode);
    }

    private static void AssertForbidden(int status, JsonElement body)
    {
        Assert.Equal(403, status);
        Assert.Equal("Forbidden: this key lacks the 'manage-alarms' scope.", body.GetProperty("message").GetString());
        Assert.Equal(ApiKeyScopes.ManageAlarms, body.GetProperty("requiredScope").GetString());
    }

    private static JsonObject Alarm()
    {
        var body = PutMetricAlarmParserTests.Valid();
        body["AlarmName"] = "scoped-alarm";
        body["MetricName"] = "requestLatency";
        body["Dimensions"] = new JsonArray(new JsonObject { ["Name"] = "Domain", ["Value"] = "scoped.example.com" });
        body.Remove("Statistic");
        body["ExtendedStatistic"] = "p99.9";
        return body;
    }
}
