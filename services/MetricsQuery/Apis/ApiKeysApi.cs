using CdnPulse.ServiceDefaults.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CdnPulse.MetricsQuery.Apis;

/// <summary>
/// <c>/api/v1/keys</c>: create (the key is in the answer, once), list and revoke stored API keys. Admin scope only.
/// A revoked key stops working within Auth:KeyCacheSeconds on every instance.
/// </summary>
public static class ApiKeysApi
{
    public static RouteGroupBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(NativeMetricsApi.Prefix + "/keys")
            .RequireApiKeyScope(ApiKeyScopes.Admin)
            .RequireRateLimiting(ApiKeyRateLimiting.PolicyName)
            .WithTags("API keys");
        api.MapGet("/", ListAsync).WithName("ListApiKeys").WithSummary("Stored keys (never their values), newest first.");
        api.MapPost("/", CreateAsync).WithName("CreateApiKey").WithSummary("Creates a key; its value is returned once and never again.");
        api.MapDelete("/{id:guid}", RevokeAsync).WithName("RevokeApiKey").WithSummary("Revokes a key.");
        return api;
    }

    internal static async Task<Ok<IReadOnlyList<ApiKeyRecord>>> ListAsync(ApiKeyStore store, bool? includeRevoked, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(includeRevoked ?? false, cancellationToken));

    internal static async Task<Results<Created<CreatedApiKey>, BadRequest<ApiError>>> CreateAsync(
        CreateApiKeyRequest? request, ApiKeyStore store, HttpContext http, ILogger<ApiKeyStore> logger, CancellationToken cancellationToken)
    {
        if (!ApiKeyStore.TryValidate(request?.Name, request?.Scopes, out var field, out var message))
        {
            return TypedResults.BadRequest(new ApiError(field, message));
        }
        var created = await store.CreateAsync(request!.Name!, request.Scopes!, cancellationToken);
        MetricsQueryLog.ApiKeyCreated(logger, created.Record.Id, created.Record.Name, string.Join(",", created.Record.Scopes), Caller(http));
        return TypedResults.Created($"{NativeMetricsApi.Prefix}/keys/{created.Record.Id}", created);
    }

    internal static async Task<Results<Ok<ApiKeyRecord>, NotFound<ApiError>>> RevokeAsync(
        Guid id, ApiKeyStore store, HttpContext http, ILogger<ApiKeyStore> logger, CancellationToken cancellationToken)
    {
        if (await store.RevokeAsync(id, cancellationToken) is not { } revoked)
        {
            return TypedResults.NotFound(new ApiError("id", $"No API key has the id {id}."));
        }
        MetricsQueryLog.ApiKeyRevoked(logger, revoked.Id, revoked.Name, Caller(http));
        return TypedResults.Ok(revoked);
    }

    private static string Caller(HttpContext http) => http.Features.Get<ApiKeyIdentity>()?.Id ?? "unknown";
}
