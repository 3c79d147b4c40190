using Microsoft.AspNetCore.Http;

namespace CdnPulse.ServiceDefaults.ApiKeys;

/// <summary>
/// Requires a valid <c>x-api-key</c>, bootstrap or stored, holding <paramref name="scope"/> (any valid key when it is
/// null). Uses the identity the <see cref="ApiKeyAuthenticationMiddleware"/> found, or authenticates itself when that
/// middleware is not in the pipeline.
/// </summary>
public sealed class ApiKeyScopeFilter(ApiKeyAuthenticator authenticator, string? scope, ApiKeyRejection rejection) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var identity = http.Features.Get<ApiKeyIdentity>()
                       ?? await authenticator.AuthenticateAsync(http.Request.Headers[ApiKeyFilter.HeaderName].ToString(), http.RequestAborted);
        if (identity is not null && (scope is null || identity.HasScope(scope)))
        {
            http.Features.Set(identity);
            return await next(context);
        }
        if (rejection == ApiKeyRejection.GatewayForbidden)
        {
            return TypedResults.Json(new ApiKeyProblem("Forbidden", null), statusCode: StatusCodes.Status403Forbidden);
        }
        return identity is null
            ? TypedResults.Json(new ApiKeyProblem("Unauthorized: send a valid key in the x-api-key header.", null), statusCode: StatusCodes.Status401Unauthorized)
            : TypedResults.Json(new ApiKeyProblem($"Forbidden: this key lacks the '{scope}' scope.", scope), statusCode: StatusCodes.Status403Forbidden);
    }
}
