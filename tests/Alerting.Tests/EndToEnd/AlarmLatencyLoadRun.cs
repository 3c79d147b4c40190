using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CdnPulse.Hosting;
using Xunit.Abstractions;

namespace CdnPulse.Alerting.Tests.EndToEnd;

/// <summary>
/// Time from the first bad log line to the webhook call, under steady real-time load (400 lines/s over four domains,
/// stamped with the time they are sent). A 5xx burst on one domain starts at a chosen second of the minute; the
/// first breaching minute is read from the ALARM reason, so the part evaluation adds (webhook time minus the end of
/// that minute) is measured apart from the wait for the period to end.
/// </summary>
[Collection(AlertingSystemCollection.Name)]
public sealed partial class AlarmLatencyLoadRun(AlertingSystemFixture fixture, ITestOutputHelper output)
{
    private const string Domain = "latency.example.com";
    private static readonly int[] BurstSeconds = [5, 30, 55];

    [LoadRunFact]
    public async Task Measures_first_bad_line_to_webhook_under_steady_load()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (status, _) = await fixture.SendAsync(HttpMethod.Post, "/subscriptions", new JsonObject { ["Name"] = "latency-hook", ["Url"] = receiver.Url() });
        Assert.Equal(201, status);
        (status, _) = await fixture.SendAsync(HttpMethod.Post, "/alarms", new JsonObject
        {
            ["AlarmName"] = "latency-5xx",
            ["MetricName"] = "errorRate5xx",
            ["Dimensions"] = new JsonArray(new JsonObject { ["Name"] = "Domain", ["Value"] = Domain }),
            ["Statistic"] = "Average",
            ["Period"] = 60,
            ["EvaluationPeriods"] = 1,
            ["Threshold"] = 20,
            ["ComparisonOperator"] = "GreaterThanThreshold",
            ["AlarmActions"] = new JsonArray("latency-hook"),
            ["OKActions"] = new JsonArray("latency-hook"),
        });
        Assert.Equal(201, status);
        await using var traffic = TrafficGenerator.Start(fixture.System.CreateKinesisClient(),
            [Domain, "www.example.com", "media.example.org", "d111111abcdef8.cloudfront.net"], TimeSpan.Zero);
        await UntilReceivedAsync(receiver, "OK", 1, TimeSpan.FromMinutes(3));

        output.WriteLine("| burst starts at second | first bad line → webhook | end of first breaching minute → webhook |");
        output.WriteLine("|---|---|---|");
        var run = 0;
        foreach (var second in BurstSeconds)
        {
            run++;
            await WaitForSecondOfMinuteAsync(second);
            traffic.SetErrorShare(0.8);
            var alarm = await UntilReceivedAsync(receiver, "ALARM", run, TimeSpan.FromMinutes(3));
            var firstBadLine = traffic.FirstErrorSentAt!.Value;
            var breachingMinuteEnd = BreachingMinute(alarm) + TimeSpan.FromMinutes(1);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {second} | {(alarm.At - firstBadLine).TotalSeconds:0.0} s | {(alarm.At - breachingMinuteEnd).TotalSeconds:0.0} s |"));
            Assert.InRange((alarm.At - breachingMinuteEnd).TotalSeconds, 0, 10);
            traffic.SetErrorShare(0);
            await UntilReceivedAsync(receiver, "OK", run + 1, TimeSpan.FromMinutes(3));
        }
        output.WriteLine($"lines sent: {traffic.LinesSent}");
    }

    private static DateTimeOffset BreachingMinute(ReceivedWebhook alarm)
    {
        var reason = JsonDocument.Parse(alarm.Body).RootElement.GetProperty("NewStateReason").GetString()!;
        var match = ReasonTime().Match(reason);
        Assert.True(match.Success, reason);
        return DateTimeOffset.ParseExact(match.Groups[1].Value, "dd/MM/yy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    /// <summary>Schedules the burst (this is when the load changes, not a wait for the system to settle).</summary>
    private static async Task WaitForSecondOfMinuteAsync(int second)
    {
        var now = DateTimeOffset.UtcNow;
        var target = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, second, TimeSpan.Zero);
        if (target <= now)
        {
            target = target.AddMinutes(1);
        }
        await Task.Delay(target - now);
    }

    private async Task<ReceivedWebhook> UntilReceivedAsync(WebhookReceiver receiver, string state, int count, TimeSpan timeout) =>
        await Eventually.ReturnsAsync(() =>
        {
            var matching = receiver.Received.Where(r => r.Status == 200 && r.NewState == state).OrderBy(r => r.At).ToList();
            return Task.FromResult(matching.Count >= count ? matching[count - 1] : null);
        }, $"{count} {state} notification(s) arrived", timeout, () => fixture.Tail(SystemModel.Alerting));

    [GeneratedRegex(@"\[[^\]]*?\((\d\d/\d\d/\d\d \d\d:\d\d:\d\d)\)\]")]
    private static partial Regex ReasonTime();
}
