using CdnPulse.Alerting.Notifications;

namespace CdnPulse.Alerting.Tests.Integration;

[Collection(PostgresCollection.Name)]
public sealed class WebhookDeliveryTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Delivers_a_signed_notification_once_with_its_idempotency_key()
    {
        await using var harness = await DeliveryHarness.StartAsync(postgres);
        var secret = await harness.SubscribeAsync("ops");

        await harness.EnqueueAsync("www-5xx", 2, "ops");
        var delivery = await harness.UntilAsync("www-5xx", 2, "ops", DeliveryStatus.Delivered);

        var received = Assert.Single(harness.Receiver.Received);
        Assert.True(received.HasValidSignature(secret));
        Assert.False(received.HasValidSignature("whsec_not-the-secret"));
        Assert.Equal("alarm:www-5xx/2", received.IdempotencyKey);
        Assert.Equal("1", received.Header("X-CdnPulse-Attempt"));
        Assert.StartsWith("application/json", received.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal("ALARM", received.NewState);
        var attempt = Assert.Single(delivery.AttemptLog);
        Assert.Equal((1, 200, (string?)null), (attempt.Attempt, attempt.StatusCode, attempt.Error));
        Assert.NotNull(delivery.CompletedAt);
    }

    [Fact]
    public async Task Retries_with_growing_waits_until_the_receiver_answers()
    {
        await using var harness = await DeliveryHarness.StartAsync(postgres);
        var secret = await harness.SubscribeAsync("ops");
        var calls = 0;
        harness.Receiver.Respond = _ => Task.FromResult(Interlocked.Increment(ref calls) <= 2 ? 503 : 200);

        await harness.EnqueueAsync("www-5xx", 2, "ops");
        var delivery = await harness.UntilAsync("www-5xx", 2, "ops", DeliveryStatus.Delivered);

        Assert.Equal([503, 503, 200], delivery.AttemptLog.Select(a => a.StatusCode ?? 0));
        Assert.Equal("HTTP 503 Service Unavailable", delivery.AttemptLog[0].Error);
        var received = harness.Receiver.Received.ToList();
        Assert.Equal(3, received.Count);
        Assert.All(received, r => Assert.True(r.HasValidSignature(secret)));
        Assert.Single(received, r => r.Status == 200);
        // After failure n the wait is at least half of 100 ms × 2^(n-1).
        Assert.True(received[1].At - received[0].At >= TimeSpan.FromMilliseconds(45), $"{received[1].At - received[0].At}");
        Assert.True(received[2].At - received[1].At >= TimeSpan.FromMilliseconds(95), $"{received[2].At - received[1].At}");
        await harness.UntilMeasuredAsync(("cdnpulse.alerting.webhook.deliveries", 1), ("cdnpulse.alerting.webhook.failures:retry", 2),
            ("cdnpulse.alerting.webhook.failures:dead", 0));
    }

    [Fact]
    public async Task Dead_letters_a_delivery_after_its_last_attempt_and_keeps_the_log()
    {
        await using var harness = await DeliveryHarness.StartAsync(postgres, maxAttempts: 3);
        await harness.SubscribeAsync("ops");
        harness.Receiver.Respond = _ => Task.FromResult(500);

        await harness.EnqueueAsync("www-5xx", 5, "ops");
        var dead = await harness.UntilAsync("www-5xx", 5, "ops", DeliveryStatus.Dead);

        Assert.Equal(3, dead.Attempts);
        Assert.Equal([1, 2, 3], dead.AttemptLog.Select(a => a.Attempt));
        Assert.All(dead.AttemptLog, a => Assert.Equal(500, a.StatusCode));
        Assert.Equal("HTTP 500 Internal Server Error", dead.LastError);
        Assert.Null(dead.NextAttemptAt);
        var deadLetters = await harness.Deliveries.QueryAsync(new DeliveryQuery(null, null, DeliveryStatus.Dead, 10, null), CancellationToken.None);
        Assert.Equal(dead.Id, Assert.Single(deadLetters).Id);
        Assert.Equal(3, harness.Receiver.Received.Count);
        await harness.UntilMeasuredAsync(("cdnpulse.alerting.webhook.deliveries", 0), ("cdnpulse.alerting.webhook.failures:retry", 2),
            ("cdnpulse.alerting.webhook.failures:dead", 1));
    }

    [Fact]
    public async Task A_delivery_to_an_unknown_subscription_is_dead_lettered_without_retries()
    {
        await using var harness = await DeliveryHarness.StartAsync(postgres);

        await harness.EnqueueAsync("www-5xx", 2, "nobody");
        var dead = await harness.UntilAsync("www-5xx", 2, "nobody", DeliveryStatus.Dead);

        Assert.Equal(1, dead.Attempts);
        Assert.Contains("No subscription named 'nobody'", dead.LastError, StringComparison.Ordinal);
        Assert.Empty(harness.Receiver.Received);
    }

    [Fact]
    public async Task A_receiver_that_hangs_does_not_hold_up_deliveries_to_another()
    {
        await using var harness = await DeliveryHarness.StartAsync(postgres);
        await harness.SubscribeAsync("slow", "/slow");
        await harness.SubscribeAsync("fast", "/fast");
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Receiver.Respond = async r =>
        {
            if (r.Path == "/slow")
            {
                await release.Task;
            }
            return 200;
        };

        await harness.EnqueueAsync("cdn-latency", 2, "slow");
        await harness.EnqueueAsync("www-5xx", 2, "fast");
        try
        {
            await harness.UntilAsync("www-5xx", 2, "fast", DeliveryStatus.Delivered);
            Assert.Equal(DeliveryStatus.InFlight, (await harness.DeliveryAsync("cdn-latency", 2, "slow")).Status);
        }
        finally
        {
            release.SetResult();
        }
        await harness.UntilAsync("cdn-latency", 2, "slow", DeliveryStatus.Delivered);
    }

    [Fact]
    public async Task A_later_state_change_waits_until_the_earlier_one_reached_the_same_target()
    {
        await using var harness = await DeliveryHarness.StartAsync(postgres);
        await harness.SubscribeAsync("ops");
        var first = true;
        harness.Receiver.Respond = _ =>
        {
            var status = first ? 503 : 200;
            first = false;
            return Task.FromResult(status);
        };

        await harness.EnqueueAsync("www-5xx", 2, "ops");
        await harness.EnqueueAsync("www-5xx", 3, "ops");
        await harness.UntilAsync("www-5xx", 3, "ops", DeliveryStatus.Delivered);

        Assert.Equal(["alarm:www-5xx/2 503", "alarm:www-5xx/2 200", "alarm:www-5xx/3 200"],
            harness.Receiver.Received.Select(r => $"{r.IdempotencyKey} {r.Status}"));
    }

    [Fact]
    public async Task A_claim_abandoned_by_a_stopped_instance_is_sent_again_after_its_lease()
    {
        await using var harness = await DeliveryHarness.StartAsync(postgres);
        var secret = await harness.SubscribeAsync("ops");

        await harness.EnqueueAsync("www-5xx", 7, "ops", DeliveryStatus.InFlight, attempts: 1, leaseUntil: DateTimeOffset.UtcNow.AddSeconds(-1));
        var delivery = await harness.UntilAsync("www-5xx", 7, "ops", DeliveryStatus.Delivered);

        Assert.Equal(2, delivery.Attempts);
        var received = Assert.Single(harness.Receiver.Received);
        Assert.Equal("2", received.Header("X-CdnPulse-Attempt"));
        Assert.True(received.HasValidSignature(secret));
    }
}
