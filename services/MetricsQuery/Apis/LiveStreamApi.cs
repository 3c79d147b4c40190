using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using CdnPulse.MetricsQuery.Live;
using CdnPulse.ServiceDefaults.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CdnPulse.MetricsQuery.Apis;

/// <summary>
/// <c>GET /api/v1/stream?domain=</c>: Server-Sent Events for dashboards. First <c>ready</c>, then a <c>window</c>
/// event (<see cref="WindowUpdate"/>) whenever a minute of the domain (or any domain) changed and can be queried, and
/// a <c>heartbeat</c> when nothing else was sent for a while.
/// </summary>
public static class LiveStreamApi
{
    public static RouteHandlerBuilder MapLiveStreamApi(this IEndpointRouteBuilder app) =>
        app.MapGet(NativeMetricsApi.Prefix + "/stream", Stream)
            .RequireApiKeyScope(ApiKeyScopes.ReadMetrics)
            .RequireRateLimiting(ApiKeyRateLimiting.PolicyName)
            .WithTags("Metrics")
            .WithName("StreamWindowUpdates")
            .WithSummary("Server-Sent Events: ready, then window (a minute changed and is queryable), heartbeat.");

    internal static Results<ServerSentEventsResult<object>, StatusCodeHttpResult> Stream(
        string? domain, WindowUpdateHub hub, IOptions<LiveStreamOptions> options, TimeProvider clock, ILogger<WindowUpdateHub> logger,
        CancellationToken cancellationToken)
    {
        if (hub.Count >= options.Value.MaxSubscribers)
        {
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        var filter = string.IsNullOrWhiteSpace(domain) ? null : domain.Trim();
        return TypedResults.ServerSentEvents(Events(hub, filter, options.Value.HeartbeatInterval, clock, logger, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<object>> Events(WindowUpdateHub hub, string? domain, TimeSpan heartbeat, TimeProvider clock,
        ILogger logger, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Subscribed when the response starts, so a stream that never starts leaves nothing behind.
        using var subscription = hub.Subscribe(domain);
        MetricsQueryLog.StreamOpened(logger, domain ?? "every domain", hub.Count);
        yield return new SseItem<object>(new StreamReady(subscription.Domain, clock.GetUtcNow()), "ready");
        while (!cancellationToken.IsCancellationRequested)
        {
            var available = await WaitAsync(subscription, heartbeat, cancellationToken);
            if (available is null)
            {
                yield break;
            }
            if (available == false)
            {
                yield return new SseItem<object>(new StreamHeartbeat(clock.GetUtcNow()), "heartbeat");
                continue;
            }
            while (subscription.Reader.TryRead(out var update))
            {
                yield return new SseItem<object>(update, "window") { EventId = update.Position.ToString(CultureInfo.InvariantCulture) };
            }
        }
    }

    /// <summary>True when updates wait, false after a quiet <paramref name="heartbeat"/>, null when the client left.</summary>
    private static async Task<bool?> WaitAsync(WindowUpdateSubscription subscription, TimeSpan heartbeat, CancellationToken cancellationToken)
    {
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        quiet.CancelAfter(heartbeat);
        try
        {
            return await subscription.Reader.WaitToReadAsync(quiet.Token) ? true : null;
        }
        catch (OperationCanceledException)
        {
            return cancellationToken.IsCancellationRequested ? null : false;
        }
    }
}
