using Microsoft.AspNetCore.Http;

namespace CdnPulse.ServiceDefaults.ApiKeys;

/// <summary>
/// Reads <c>x-api-key</c> once per request and, when the key is valid, sets its <see cref="ApiKeyIdentity"/> as a
/// request feature for the rate limiter (partitioned by key) and the scope filters. It rejects nothing itself.
/// </summary>
public sealed class ApiKeyAuthenticationMiddleware(RequestDelegate next, ApiKeyAuthenticator authenticator)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var presented = context.Request.Headers[ApiKeyFilter.HeaderName].ToString();
        if (presented.Length > 0 && await authenticator.AuthenticateAsync(presented, context.RequestAborted) is { } identity)
        {
            context.Features.Set(identity);
        }
        await next(context);
    }
}
