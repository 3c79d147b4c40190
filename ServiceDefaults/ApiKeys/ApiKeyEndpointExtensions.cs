using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CdnPulse.ServiceDefaults.ApiKeys;

public static class ApiKeyEndpointExtensions
{
    /// <summary>
    /// Requires a key with <paramref name="scope"/> on an endpoint or a group (<see cref="ApiKeyScopeFilter"/>).
    /// Needs <see cref="ApiKeyExtensions.AddApiKeys{TBuilder}"/>; stored keys count when <see cref="ApiKeyExtensions.AddApiKeyStore{TBuilder}"/> is added too.
    /// </summary>
    public static TBuilder RequireApiKeyScope<TBuilder>(this TBuilder builder, string scope, ApiKeyRejection rejection = ApiKeyRejection.UnauthorizedOrForbidden)
        where TBuilder : IEndpointConventionBuilder
    {
        if (!ApiKeyScopes.IsKnown(scope))
        {
            throw new ArgumentException($"Unknown scope '{scope}'.", nameof(scope));
        }
        return builder.AddFilter(scope, rejection);
    }

    /// <summary>Requires any valid key, whatever its scopes (e.g. for the OpenAPI document).</summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder, ApiKeyRejection rejection = ApiKeyRejection.UnauthorizedOrForbidden)
        where TBuilder : IEndpointConventionBuilder => builder.AddFilter(null, rejection);

    private static TBuilder AddFilter<TBuilder>(this TBuilder builder, string? scope, ApiKeyRejection rejection)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factoryContext, next) =>
        {
            var filter = new ApiKeyScopeFilter(factoryContext.ApplicationServices.GetRequiredService<ApiKeyAuthenticator>(), scope, rejection);
            return invocation => filter.InvokeAsync(invocation, next);
        });
}
