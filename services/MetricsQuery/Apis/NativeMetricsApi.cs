using CdnPulse.MetricsQuery.Native;
using CdnPulse.ServiceDefaults.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CdnPulse.MetricsQuery.Apis;

/// <summary>
/// The native API, v1: ISO-8601 times, JSON numbers with units, grouping, top-N for any range. Every endpoint needs a
/// key with the read-metrics scope and is rate limited per key; a bad parameter is a 400 naming it.
/// </summary>
public static class NativeMetricsApi
{
    public const string Prefix = "/api/v1";

    public static RouteGroupBuilder MapNativeMetricsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix)
            .RequireApiKeyScope(ApiKeyScopes.ReadMetrics)
            .RequireRateLimiting(ApiKeyRateLimiting.PolicyName)
            .WithTags("Metrics");
        api.MapGet("/domains", GetDomainsAsync).WithName("ListDomains").WithSummary("Domains with data, by name.");
        api.MapGet("/metrics", GetCatalogue).WithName("ListMetrics").WithSummary("Every metric with its unit, kind, definition and groupings.");
        api.MapGet("/metrics/{name}", GetSeriesAsync).WithName("GetMetricSeries")
            .WithSummary("A series metric over a range: one point per interval and a total, optionally per group.");
        foreach (var name in new[] { "topUrlsByRequests", "topUrlsByBytes" })
        {
            api.MapGet($"/metrics/{name}", ([AsParameters] MetricQueryParameters p, [AsParameters] NativeMetricsServices s, CancellationToken ct) => GetTopUrlsAsync(name, p, s, ct))
                .WithName("Get" + char.ToUpperInvariant(name[0]) + name[1..]).WithSummary($"{name}: the top paths over any range.");
        }
        foreach (var name in new[] { "downloadSpeed", "downloadSpeedOrigin" })
        {
            api.MapGet($"/metrics/{name}", ([AsParameters] MetricQueryParameters p, [AsParameters] NativeMetricsServices s, CancellationToken ct) => GetDistributionAsync(name, p, s, ct))
                .WithName("Get" + char.ToUpperInvariant(name[0]) + name[1..]).WithSummary($"{name}: requests per download-speed bucket.");
        }
        return api;
    }

    internal static async Task<Ok<IReadOnlyList<DomainInfo>>> GetDomainsAsync([AsParameters] NativeMetricsServices services, CancellationToken cancellationToken) =>
        TypedResults.Ok(await services.ReadModel.DomainsAsync(cancellationToken));

    internal static Ok<IReadOnlyList<MetricInfo>> GetCatalogue() =>
        TypedResults.Ok<IReadOnlyList<MetricInfo>>(MetricCatalog.All.Select(m => new MetricInfo(
            m.Name, m.Unit, char.ToLowerInvariant(m.Kind.ToString()[0]) + m.Kind.ToString()[1..], m.Description,
            m.GroupBys.Select(MetricGroupByNames.Of).ToList(), $"{Prefix}/metrics/{m.Name}")).ToList());

    internal static async Task<Results<Ok<SeriesResponse>, BadRequest<ApiError>, NotFound<ApiError>>> GetSeriesAsync(
        string name, [AsParameters] MetricQueryParameters parameters, [AsParameters] NativeMetricsServices services, CancellationToken cancellationToken)
    {
        if (MetricCatalog.Find(name) is not { Kind: MetricKind.Series } metric)
        {
            return TypedResults.NotFound(new ApiError("name", $"Unknown series metric '{name}': GET {Prefix}/metrics lists them."));
        }
        if (!MetricQueryParser.TryParse(metric, parameters, services.Clock.GetUtcNow(), out var query, out var error))
        {
            return TypedResults.BadRequest(error!);
        }
        return TypedResults.Ok(await services.Queries.SeriesAsync(query!, cancellationToken));
    }

    private static async Task<Results<Ok<TopUrlsResponse>, BadRequest<ApiError>>> GetTopUrlsAsync(
        string name, [AsParameters] MetricQueryParameters parameters, [AsParameters] NativeMetricsServices services, CancellationToken cancellationToken)
    {
        if (!MetricQueryParser.TryParse(MetricCatalog.Find(name)!, parameters, services.Clock.GetUtcNow(), out var query, out var error))
        {
            return TypedResults.BadRequest(error!);
        }
        return TypedResults.Ok(await services.Queries.TopUrlsAsync(query!, cancellationToken));
    }

    private static async Task<Results<Ok<DistributionResponse>, BadRequest<ApiError>>> GetDistributionAsync(
        string name, [AsParameters] MetricQueryParameters parameters, [AsParameters] NativeMetricsServices services, CancellationToken cancellationToken)
    {
        if (!MetricQueryParser.TryParse(MetricCatalog.Find(name)!, parameters, services.Clock.GetUtcNow(), out var query, out var error))
        {
            return TypedResults.BadRequest(error!);
        }
        return TypedResults.Ok(await services.Queries.DistributionAsync(query!, cancellationToken));
    }
}
