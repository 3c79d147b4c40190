using System.Text.Json;
using System.Text.RegularExpressions;
using CdnPulse.Alerting.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CdnPulse.Alerting.Apis;

/// <summary>
/// Webhook subscriptions, the targets alarms name in AlarmActions, OKActions and InsufficientDataActions:
/// <c>POST /subscriptions</c> {"Name", "Url"} answers with the signing secret (only then), <c>GET /subscriptions</c>,
/// <c>GET /subscriptions/{name}</c>, <c>DELETE /subscriptions/{name}</c>.
/// </summary>
public static partial class SubscriptionsApi
{
    public static RouteGroupBuilder MapSubscriptionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/subscriptions").RequireManageAlarms();
        group.MapPost("/", CreateAsync).WithName("CreateSubscription");
        group.MapGet("/", async (SubscriptionStore store, CancellationToken ct) => TypedResults.Ok(new SubscriptionList(await store.ListAsync(ct))))
            .WithName("ListSubscriptions");
        group.MapGet("/{name}", GetAsync).WithName("GetSubscription");
        group.MapDelete("/{name}", DeleteAsync).WithName("DeleteSubscription");
        return group;
    }

    internal static async Task<Results<Created<CreatedSubscription>, BadRequest<ApiError>, Conflict<ApiError>>> CreateAsync(
        HttpRequest request, SubscriptionStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, error) = await RequestBody.ReadAsync(request, cancellationToken);
        if (error is not null || !TryParse(body, out var name, out var url, out error))
        {
            return TypedResults.BadRequest(error);
        }
        var secret = WebhookSignature.NewSecret();
        var subscription = new Subscription(name!, url!, time.GetUtcNow());
        if (!await store.CreateAsync(subscription, secret, cancellationToken))
        {
            return TypedResults.Conflict(new ApiError("Name", $"A subscription named '{name}' exists already: delete it first to replace it."));
        }
        return TypedResults.Created($"/subscriptions/{Uri.EscapeDataString(subscription.Name)}",
            new CreatedSubscription(subscription.Name, subscription.Url, subscription.CreatedAt, secret, WebhookSignature.SignatureHeader));
    }

    internal static async Task<Results<Ok<Subscription>, NotFound<ApiError>>> GetAsync(string name, SubscriptionStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(name, cancellationToken) is { } subscription
            ? TypedResults.Ok(subscription)
            : TypedResults.NotFound(new ApiError("Name", $"No subscription named '{name}'."));

    internal static async Task<Results<NoContent, NotFound<ApiError>>> DeleteAsync(string name, SubscriptionStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(name, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.NotFound(new ApiError("Name", $"No subscription named '{name}'."));

    internal static bool TryParse(JsonElement body, out string? name, out string? url, out ApiError? error)
    {
        name = url = null;
        error = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            error = new ApiError("body", "The body must be a JSON object {\"Name\": ..., \"Url\": ...}.");
            return false;
        }
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name is not ("Name" or "Url"))
            {
                error = new ApiError(property.Name, $"Unknown field '{property.Name}': a subscription has Name and Url.");
                return false;
            }
        }
        name = body.TryGetProperty("Name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        if (name is null || !NamePattern().IsMatch(name))
        {
            error = new ApiError("Name", "Name is required: 1 to 64 letters, digits, '.', '_' or '-'.");
            return false;
        }
        url = body.TryGetProperty("Url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        if (url is null || url.Length > 2048 || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            error = new ApiError("Url", "Url is required: an absolute http:// or https:// URL (at most 2048 characters, no user:password@).");
            return false;
        }
        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex NamePattern();
}
