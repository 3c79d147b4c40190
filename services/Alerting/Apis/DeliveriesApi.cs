using System.Globalization;
using CdnPulse.Alerting.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CdnPulse.Alerting.Apis;

/// <summary>
/// The delivery log: <c>GET /deliveries</c> (filters AlarmName, Subscription, Status, MaxRecords, NextToken; newest
/// first, every attempt with its outcome) and <c>GET /dead-letters</c> (the deliveries that gave up).
/// </summary>
public static class DeliveriesApi
{
    public static RouteGroupBuilder MapDeliveriesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/").RequireManageAlarms();
        group.MapGet("/deliveries", (HttpRequest request, DeliveryStore store, CancellationToken ct) =>
            ListAsync(request, QueryParameters.Optional(request.Query, "Status"), store, ct)).WithName("ListDeliveries");
        group.MapGet("/dead-letters", (HttpRequest request, DeliveryStore store, CancellationToken ct) =>
            ListAsync(request, DeliveryStatus.Dead, store, ct)).WithName("ListDeadLetters");
        return group;
    }

    internal static async Task<Results<Ok<DeliveryList>, BadRequest<ApiError>>> ListAsync(
        HttpRequest request, string? status, DeliveryStore store, CancellationToken cancellationToken)
    {
        var query = request.Query;
        if (!QueryParameters.TryMaxRecords(query, 50, 500, out var maxRecords, out var error)
            || !QueryParameters.TryLong(query, "NextToken", out var nextToken, out error))
        {
            return TypedResults.BadRequest(error);
        }
        if (status is not null && !DeliveryStatus.All.Contains(status))
        {
            return TypedResults.BadRequest(new ApiError("Status", "Status must be one of " + string.Join(", ", DeliveryStatus.All) + "."));
        }
        var rows = await store.QueryAsync(new DeliveryQuery(QueryParameters.Optional(query, "AlarmName"), QueryParameters.Optional(query, "Subscription"),
            status, maxRecords + 1, nextToken), cancellationToken);
        var page = rows.Take(maxRecords).ToList();
        return TypedResults.Ok(new DeliveryList(page, rows.Count > maxRecords ? page[^1].Id.ToString(CultureInfo.InvariantCulture) : null));
    }
}
