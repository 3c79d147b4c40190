using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;

namespace CdnPulse.Alerting.Notifications;

/// <summary>
/// Sends webhook deliveries from the outbox, up to <see cref="WebhookOptions.MaxConcurrency"/> at once: each slot is
/// refilled as soon as its attempt ends, so a slow or dead receiver occupies one slot and delays nobody else (and
/// never evaluation, which only writes the outbox). Each attempt is signed afresh (its own time), logged, and
/// followed by success, a retry with exponential backoff and jitter, or, after the last attempt, the dead letter.
/// </summary>
internal sealed class WebhookDeliveryWorker(
    DeliveryStore deliveries,
    SubscriptionStore subscriptions,
    IHttpClientFactory httpClients,
    DeliveryOutboxSignal signal,
    AlertingTelemetry telemetry,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookDeliveryWorker> logger) : BackgroundService
{
    public const string HttpClientName = "webhooks";

    private static readonly TimeSpan FailureBackoff = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var inFlight = new List<Task>();
        Task<bool>? wake = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                inFlight.RemoveAll(t => t.IsCompleted);
                var free = settings.MaxConcurrency - inFlight.Count;
                if (free > 0)
                {
                    foreach (var delivery in await deliveries.ClaimAsync(free, settings.Lease, time.GetUtcNow(), stoppingToken))
                    {
                        inFlight.Add(DeliverAsync(delivery, settings, stoppingToken));
                    }
                }
                wake ??= signal.WaitAsync(settings.PollInterval, stoppingToken);
                await Task.WhenAny([.. inFlight, wake]);
                if (wake.IsCompleted)
                {
                    wake = null;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                AlertingLog.OutboxFailed(logger, ex, FailureBackoff);
                await Task.Delay(FailureBackoff, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        await Task.WhenAll(inFlight).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>One attempt of one delivery; never throws (a failure to record the outcome leaves the lease to expire).</summary>
    internal async Task DeliverAsync(ClaimedDelivery delivery, WebhookOptions settings, CancellationToken cancellationToken)
    {
        // Each attempt is a trace of its own (the outbox poll that claimed it is not traced), with the POST beneath.
        using var activity = telemetry.Source.StartActivity("deliver webhook", ActivityKind.Internal, parentContext: default);
        activity?.SetTag("cdnpulse.alarm.name", delivery.AlarmName);
        activity?.SetTag("cdnpulse.alarm.state", delivery.NewState);
        activity?.SetTag("cdnpulse.webhook.subscription", delivery.Target);
        activity?.SetTag("cdnpulse.webhook.delivery_id", delivery.Id);
        activity?.SetTag("cdnpulse.webhook.attempt", delivery.Attempt);
        try
        {
            var startedAt = time.GetUtcNow();
            var clock = Stopwatch.StartNew();
            var (statusCode, error, permanent) = await SendAsync(delivery, cancellationToken);
            var attempt = new DeliveryAttempt(delivery.Attempt, startedAt, (int)clock.ElapsedMilliseconds, statusCode, error);
            var now = time.GetUtcNow();
            if (error is null)
            {
                await deliveries.CompleteAttemptAsync(delivery, attempt, DeliveryStatus.Delivered, null, now, cancellationToken);
                telemetry.Delivered();
                AlertingLog.Delivered(logger, delivery.AlarmName, delivery.NewState, delivery.Target, delivery.Id, delivery.Attempt, statusCode!.Value);
            }
            else if (permanent || delivery.Attempt >= settings.MaxAttempts)
            {
                await deliveries.CompleteAttemptAsync(delivery, attempt, DeliveryStatus.Dead, null, now, cancellationToken);
                telemetry.DeliveryFailed(dead: true);
                activity?.SetStatus(ActivityStatusCode.Error, error);
                AlertingLog.DeadLettered(logger, delivery.Id, delivery.AlarmName, delivery.Target, delivery.Attempt, error);
            }
            else
            {
                var next = now + DeliveryBackoff.Delay(delivery.Attempt, settings.InitialBackoff, settings.MaxBackoff, Random.Shared.NextDouble());
                await deliveries.CompleteAttemptAsync(delivery, attempt, DeliveryStatus.Pending, next, now, cancellationToken);
                telemetry.DeliveryFailed(dead: false);
                activity?.SetStatus(ActivityStatusCode.Error, error);
                AlertingLog.DeliveryFailed(logger, delivery.Id, delivery.AlarmName, delivery.Target, delivery.Attempt, error, next);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the claim's lease runs out and another instance (or the next start) sends it.
        }
        catch (Exception ex)
        {
            AlertingLog.OutboxFailed(logger, ex, settings.Lease);
        }
    }

    /// <summary>The receiver's status and the error (null: delivered); Permanent when retrying cannot help.</summary>
    private async Task<(int? StatusCode, string? Error, bool Permanent)> SendAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        if (await subscriptions.GetWithSecretAsync(delivery.Target, cancellationToken) is not { } found)
        {
            return (null, $"No subscription named '{delivery.Target}': create it, and the alarm's next state change is delivered to it.", true);
        }
        var (subscription, secret) = found;
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, time.GetUtcNow(), delivery.IdempotencyKey, delivery.Payload));
        request.Headers.Add(WebhookSignature.IdempotencyKeyHeader, delivery.IdempotencyKey);
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.AttemptHeader, delivery.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (status, null, false) : (status, $"HTTP {status} {response.ReasonPhrase}", false);
        }
        catch (HttpRequestException ex)
        {
            return (null, ex.Message, false);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"No answer within {options.Value.Timeout.TotalSeconds:0.#} s", false);
        }
    }
}
