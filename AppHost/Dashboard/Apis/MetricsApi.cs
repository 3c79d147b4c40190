using CdnPulse.Dashboard.Charts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CdnPulse.Dashboard.Apis;

/// <summary>
/// <c>GET /api/charts</c> (the key pipeline-health charts over the last minutes), <c>GET /api/metrics</c> (every
/// series with its latest point) and <c>GET /api/metrics/series</c> (one instrument's series with their history).
/// </summary>
internal static class MetricsApi
{
    public static RouteGroupBuilder MapMetricsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/charts", ([AsParameters] DashboardServices services, int? minutes) => Charts(services, minutes));
        api.MapGet("/metrics", ([AsParameters] DashboardServices services) => TypedResults.Ok(services.Store.Metrics.Latest()));
        api.MapGet("/metrics/series", ([AsParameters] DashboardServices services, string name, string? service) =>
            TypedResults.Ok(services.Store.Metrics.Series(name, service)));
        return api;
    }

    private static Ok<IReadOnlyList<ChartView>> Charts(DashboardServices services, int? minutes) =>
        TypedResults.Ok(KeyCharts.Compute(services.Store.Metrics, services.Time.GetUtcNow() - TimeSpan.FromMinutes(Math.Clamp(minutes ?? 15, 1, 120))));
}
