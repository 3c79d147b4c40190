using Microsoft.AspNetCore.Http;

namespace CdnPulse.ServiceDefaults.ApiKeys;

/// <summary>
/// Requires a valid <c>x-api-key</c>; answers 403 <c>{"message":"Forbidden"}</c> like API Gateway does. Accepts the
/// bootstrap keys, and any stored key the <see cref="ApiKeyAuthenticationMiddleware"/> has already accepted when the
/// service uses it. For one scope only, use <see cref="ApiKeyEndpointExtensions.RequireApiKeyScope{TBuilder}"/>.
/// </summary>
public sealed class ApiKeyFilter(ApiKeyValidator validator) : IEndpointFilter
{
    public const string HeaderName = "x-api-key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        return http.Features.Get<ApiKeyIdentity>() is not null || validator.IsValid(http.Request.Headers[HeaderName].ToString())
            ? await next(context)
            : TypedResults.Json(new { message = "Forbidden" }, statusCode: StatusCodes.Status403Forbidden);
    }
}
