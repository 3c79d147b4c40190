using CdnPulse.Dashboard.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CdnPulse.Dashboard.Apis;

/// <summary>The dashboard's JSON API under <c>/api</c>, on the page's port, for a signed-in browser or a caller with <c>x-api-key</c>.</summary>
internal static class ApiGroup
{
    public static RouteGroupBuilder MapDashboardApi(this IEndpointRouteBuilder app, int port)
    {
        var api = app.MapGroup("/api").RequireHost($"*:{port}");
        api.AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<DashboardAuth>().IsSignedIn(context.HttpContext)
                ? await next(context)
                : TypedResults.Unauthorized());
        api.MapResourcesApi();
        api.MapLogsApi();
        api.MapTracesApi();
        api.MapMetricsApi();
        return api;
    }
}
