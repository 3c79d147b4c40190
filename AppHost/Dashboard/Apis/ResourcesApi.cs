using CdnPulse.Dashboard.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CdnPulse.Dashboard.Apis;

/// <summary><c>GET /api/resources</c>: every resource with its state, health, endpoints and PID.</summary>
internal static class ResourcesApi
{
    public static RouteGroupBuilder MapResourcesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/resources", ([AsParameters] DashboardServices services) => List(services));
        return api;
    }

    private static Ok<IReadOnlyList<ResourceView>> List(DashboardServices services) => TypedResults.Ok(services.Resources.Snapshot());
}
