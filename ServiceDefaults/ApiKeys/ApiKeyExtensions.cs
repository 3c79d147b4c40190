using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CdnPulse.ServiceDefaults.ApiKeys;

public static class ApiKeyExtensions
{
    /// <summary>Registers the bootstrap API keys (section "Auth", e.g. <c>Auth__ApiKeys__0</c>) and fails at start when none is usable.</summary>
    public static TBuilder AddApiKeys<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<ApiKeyOptions>()
            .Bind(builder.Configuration.GetSection(ApiKeyOptions.SectionName))
            .Validate(o => o.Keys.Count > 0 && o.Keys.All(k => k.Length >= 16),
                "Auth:ApiKeys needs at least one key of 16 or more characters (set Auth__ApiKeys__0).")
            .Validate(o => o.KeyCacheSeconds is >= 0 and <= 300, "Auth:KeyCacheSeconds must be between 0 and 300.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton<ApiKeyValidator>();
        builder.Services.TryAddSingleton<ApiKeyAuthenticator>();
        return builder;
    }

    /// <summary>
    /// Adds the keys stored in PostgreSQL (<see cref="ApiKeyStore"/>, schema applied by <c>cdnpulse-admin migrate</c>)
    /// to the bootstrap keys. Needs an <c>NpgsqlDataSource</c> (<c>AddEventsDataSource</c>).
    /// </summary>
    public static TBuilder AddApiKeyStore<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddApiKeys();
        builder.Services.TryAddSingleton<ApiKeyStore>();
        return builder;
    }

    /// <summary>Authenticates <c>x-api-key</c> once per request (before rate limiting, which partitions by key).</summary>
    public static IApplicationBuilder UseApiKeyAuthentication(this IApplicationBuilder app) =>
        app.UseMiddleware<ApiKeyAuthenticationMiddleware>();
}
