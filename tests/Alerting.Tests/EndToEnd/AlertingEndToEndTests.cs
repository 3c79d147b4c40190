using System.Text.Json;
using System.Text.Json.Nodes;
using CdnPulse.Hosting;

namespace CdnPulse.Alerting.Tests.EndToEnd;

/// <summary>
/// The real pipeline (Kinesis → Ingest → Enrichment → Aggregation → event store → minute tables) drives an alarm
/// through Alerting to a webhook receiver on 127.0.0.1 and to the bus. To stay fast, traffic is stamped one minute
/// back, so that it lands in the last complete minute, the period a 60-second alarm evaluates.
/// </summary>
[Collection(AlertingSystemCollection.Name)]
public sealed class AlertingEndToEndTests(AlertingSystemFixture fixture)
{
    private const string Domain = "alarm-e2e.example.com";
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task A_5xx_burst_raises_the_alarm_and_clears_it_and_each_change_reaches_the_webhook_once_despite_an_outage()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var start = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var bus = await StateChangeListener.StartAsync(fixture.System.Messaging!.ConnectionString, start.Token);
        var (status, subscription) = await fixture.SendAsync(HttpMethod.Post, "/subscriptions", new JsonObject { ["Name"] = "e2e-hook", ["Url"] = receiver.Url() });
        Assert.Equal(201, status);
        var secret = subscription.GetProperty("Secret").GetString()!;

        (status, var created) = await fixture.SendAsync(HttpMethod.Post, "/alarms", Alarm("e2e-5xx"));
        Assert.Equal(201, status);
        Assert.Equal("INSUFFICIENT_DATA", created.GetProperty("StateValue").GetString());

        await using var traffic = TrafficGenerator.Start(fixture.System.CreateKinesisClient(), [Domain], TimeSpan.FromMinutes(1));

        // Healthy traffic: INSUFFICIENT_DATA -> OK, notified.
        await UntilStateAsync("e2e-5xx", "OK");
        await UntilReceivedAsync(receiver, "OK", 1);

        // The receiver goes down, then a 5xx burst: ALARM, and the notification fails and is retried.
        await receiver.StopAsync();
        traffic.SetErrorShare(0.8);
        var alarm = await UntilStateAsync("e2e-5xx", "ALARM");
        Assert.Matches(@"^Threshold Crossed: 1 out of the last 1 datapoints \[\d+(\.\d+)? \(\d\d/\d\d/\d\d \d\d:\d\d:00\)\] was greater than the threshold \(20\.0\)",
            alarm.GetProperty("StateReason").GetString());
        var failing = await Eventually.ReturnsValueAsync(async () =>
        {
            var (_, log) = await fixture.SendAsync(HttpMethod.Get, "/deliveries?AlarmName=e2e-5xx&Status=pending");
            var pending = log.GetProperty("Deliveries").EnumerateArray().ToList();
            return pending.Count == 1 && pending[0].GetProperty("Attempts").GetInt32() >= 2 ? (JsonElement?)pending[0] : null;
        }, "the ALARM notification failed twice while the receiver is down", StepTimeout, () => fixture.Tail(SystemModel.Alerting));
        Assert.Equal("ALARM", failing.GetProperty("NewStateValue").GetString());
        Assert.All(failing.GetProperty("AttemptLog").EnumerateArray(), a => Assert.Equal(JsonValueKind.Null, a.GetProperty("StatusCode").ValueKind));

        // The receiver comes back: the ALARM notification arrives.
        await receiver.StartAsync();
        await UntilReceivedAsync(receiver, "ALARM", 1);

        // Healthy traffic again: ALARM -> OK, notified.
        traffic.SetErrorShare(0);
        await UntilReceivedAsync(receiver, "OK", 2);

        // Every delivery is final, and the receiver accepted each state change exactly once, correctly signed.
        var deliveries = await Eventually.ReturnsAsync(async () =>
        {
            var (_, log) = await fixture.SendAsync(HttpMethod.Get, "/deliveries?AlarmName=e2e-5xx");
            var all = log.GetProperty("Deliveries").EnumerateArray().ToList();
            return all.Count == 3 && all.All(d => d.GetProperty("Status").GetString() == "delivered") ? all : null;
        }, "all three deliveries are delivered", StepTimeout);
        var accepted = receiver.Received.Where(r => r.Status == 200).OrderBy(r => r.At).ToList();
        Assert.Equal(["OK", "ALARM", "OK"], accepted.Select(r => r.NewState));
        Assert.Equal(3, accepted.Select(r => r.IdempotencyKey).Distinct().Count());
        Assert.Equal(deliveries.Select(d => d.GetProperty("IdempotencyKey").GetString()).Order(), accepted.Select(r => r.IdempotencyKey).Order());
        Assert.All(accepted, r => Assert.True(r.HasValidSignature(secret), $"bad signature on {r.IdempotencyKey}"));
        Assert.Equal(receiver.Received.Count, accepted.Count);
        using (var body = JsonDocument.Parse(accepted[1].Body))
        {
            var trigger = body.RootElement.GetProperty("Trigger");
            Assert.Equal(("e2e-5xx", "OK"), (body.RootElement.GetProperty("AlarmName").GetString(), body.RootElement.GetProperty("OldStateValue").GetString()));
            Assert.Equal(("errorRate5xx", 60, "GreaterThanThreshold"),
                (trigger.GetProperty("MetricName").GetString(), trigger.GetProperty("Period").GetInt32(), trigger.GetProperty("ComparisonOperator").GetString()));
        }

        // The history shows the same three changes, and the bus carried them with the same idempotency keys.
        // The history is an async projection: wait until it has applied the third change, then check all three.
        var history = await Eventually.ReturnsAsync(async () =>
        {
            var (_, page) = await fixture.SendAsync(HttpMethod.Get, "/alarms/e2e-5xx/history?HistoryItemType=StateUpdate&ScanBy=TimestampAscending");
            var items = page.GetProperty("AlarmHistoryItems").EnumerateArray().ToList();
            return items.Count >= 3 ? items : null;
        }, "the history projection shows three state changes", StepTimeout);
        Assert.Equal(["Alarm updated from INSUFFICIENT_DATA to OK", "Alarm updated from OK to ALARM", "Alarm updated from ALARM to OK"],
            history.Select(i => i.GetProperty("HistorySummary").GetString()));
        await Eventually.HoldsAsync(() => Task.FromResult(accepted.All(r => bus.Received.Any(m => m.IdempotencyKey == r.IdempotencyKey))),
            "every state change was published as AlarmStateChanged", StepTimeout);
        Assert.All(bus.Received.Where(m => m.AlarmName == "e2e-5xx"), m => Assert.Equal(Domain, m.Dimensions["Domain"]));
    }

    [Fact]
    public async Task The_API_needs_its_key_names_the_field_at_fault_and_answers_404_for_unknown_alarms()
    {
        // Scopes and 401/403 in detail: ApiKeyScopeTests.
        var (status, body) = await fixture.SendAsync(HttpMethod.Get, "/alarms", withKey: false);
        Assert.Equal(401, status);
        Assert.StartsWith("Unauthorized", body.GetProperty("message").GetString(), StringComparison.Ordinal);

        var bad = Alarm("bad-period");
        bad["Period"] = 90;
        (status, body) = await fixture.SendAsync(HttpMethod.Post, "/alarms", bad);
        Assert.Equal(400, status);
        Assert.Equal("Period", body.GetProperty("parameter").GetString());

        (status, body) = await fixture.SendAsync(HttpMethod.Post, "/subscriptions", new JsonObject { ["Name"] = "x", ["Url"] = "ftp://example.com/" });
        Assert.Equal(400, status);
        Assert.Equal("Url", body.GetProperty("parameter").GetString());

        (status, _) = await fixture.SendAsync(HttpMethod.Get, "/alarms/no-such-alarm");
        Assert.Equal(404, status);
        (status, _) = await fixture.SendAsync(HttpMethod.Delete, "/alarms/no-such-alarm");
        Assert.Equal(404, status);

        (status, body) = await fixture.SendAsync(HttpMethod.Get, "/alarms?StateValue=RED");
        Assert.Equal(400, status);
        Assert.Equal("StateValue", body.GetProperty("parameter").GetString());
    }

    private static JsonObject Alarm(string name) => new()
    {
        ["AlarmName"] = name,
        ["AlarmDescription"] = "5xx share of the e2e domain above 20 %",
        ["MetricName"] = "errorRate5xx",
        ["Dimensions"] = new JsonArray(new JsonObject { ["Name"] = "Domain", ["Value"] = Domain }),
        ["Statistic"] = "Average",
        ["Period"] = 60,
        ["EvaluationPeriods"] = 1,
        ["Threshold"] = 20,
        ["ComparisonOperator"] = "GreaterThanThreshold",
        ["TreatMissingData"] = "missing",
        ["AlarmActions"] = new JsonArray("e2e-hook"),
        ["OKActions"] = new JsonArray("e2e-hook"),
    };

    private async Task<JsonElement> UntilStateAsync(string alarm, string state) =>
        await Eventually.ReturnsValueAsync(async () =>
        {
            var (_, body) = await fixture.SendAsync(HttpMethod.Get, "/alarms/" + alarm);
            return body.GetProperty("StateValue").GetString() == state ? (JsonElement?)body : null;
        }, $"alarm {alarm} is {state}", StepTimeout, () => fixture.Tail(SystemModel.Alerting));

    private Task UntilReceivedAsync(WebhookReceiver receiver, string state, int count) =>
        Eventually.HoldsAsync(() => Task.FromResult(receiver.Received.Count(r => r.Status == 200 && r.NewState == state) >= count),
            $"the receiver accepted {count} {state} notification(s)", StepTimeout, () => fixture.Tail(SystemModel.Alerting));
}
