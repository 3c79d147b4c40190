using Microsoft.AspNetCore.Http;
namespace CdnPulse.ServiceDefaults.ApiKeys;

/// <summary>Requires a valid <c>x-api-key</c>; answers 403 <c>{"message":"Forbidden"}</c> like API Gateway does.</summary>
public sealed class ApiKeyFilter(ApiKeyValidator validator) : IEndpointFilter
{
    public const string HeaderName = "x-api-key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = context.HttpContext.Request.Headers[HeaderName].ToString();
        return validator.IsValid(presented)
            ? await next(context)
            : TypedResults.Json(new { message = "Forbidden" }, statusCode: StatusCodes.Status403Forbidden);
    }
}
