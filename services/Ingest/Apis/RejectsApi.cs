using CdnPulse.Ingest.Publishing;
using CdnPulse.ServiceDefaults.ApiKeys;

namespace CdnPulse.Ingest.Apis;

public static class RejectsApi
{
    /// <summary><c>GET /rejects</c>: rejected-line counts by reason since start, and recent samples to inspect.</summary>
    public static RouteGroupBuilder MapRejectsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/rejects").RequireApiKeyScope(ApiKeyScopes.Ingest);
        group.MapGet("/", (RejectLog log) => TypedResults.Ok(new RejectsResponse(log.Counts, log.Samples)));
        return group;
    }
}
