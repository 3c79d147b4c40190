using CdnPulse.Dashboard.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CdnPulse.Dashboard.Apis;

/// <summary>
/// <c>GET /api/traces</c> (search by service, minimum duration, errors and text; newest first) and
/// <c>GET /api/traces/{traceId}</c> (the trace's spans in waterfall order: each after its parent, with depth and offset).
/// </summary>
internal static class TracesApi
{
    public static RouteGroupBuilder MapTracesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/traces", ([AsParameters] DashboardServices services, string? service, double? minDurationMs, bool? errors, string? search, int? limit) =>
            Find(services, new TraceQuery(service, minDurationMs, errors ?? false, search, Math.Clamp(limit ?? 100, 1, 1_000))));
        api.MapGet("/traces/{traceId}", ([AsParameters] DashboardServices services, string traceId) => Get(services, traceId));
        return api;
    }

    private static Ok<TraceListResult> Find(DashboardServices services, TraceQuery query) =>
        TypedResults.Ok(new TraceListResult(services.Store.Spans.Services(), services.Store.Spans.Find(query)));

    private static Results<Ok<Waterfall>, NotFound> Get(DashboardServices services, string traceId)
    {
        var id = traceId.ToLowerInvariant();
        return services.Store.Spans.Trace(id) is { } spans
            ? TypedResults.Ok(Waterfall.Of(spans, services.Store.Spans.LinkingTo(id)))
            : TypedResults.NotFound();
    }

    internal sealed record TraceListResult(IReadOnlyList<string> Services, IReadOnlyList<TraceSummary> Traces);
}
