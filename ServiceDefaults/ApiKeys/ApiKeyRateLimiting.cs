using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CdnPulse.ServiceDefaults.ApiKeys;

/// <summary>
/// ASP.NET Core's rate limiter, partitioned by the key's identity (never the key itself) as found by
/// <see cref="ApiKeyAuthenticationMiddleware"/>: 429 <c>{"message":"Too Many Requests"}</c> with <c>Retry-After</c>.
/// </summary>
public static class ApiKeyRateLimiting
{
    /// <summary>The policy to put on endpoints: <c>.RequireRateLimiting(ApiKeyRateLimiting.PolicyName)</c>.</summary>
    public const string PolicyName = "per-api-key";

    public static TBuilder AddApiKeyRateLimiting<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<ApiKeyRateLimitOptions>()
            .Bind(builder.Configuration.GetSection(ApiKeyRateLimitOptions.SectionName))
            .Validate(o => o.PermitsPerSecond > 0 && o.Burst > 0 && o.AnonymousPermitsPerSecond > 0 && o.AnonymousBurst > 0,
                "RateLimiting: PermitsPerSecond, Burst, AnonymousPermitsPerSecond and AnonymousBurst must all be positive.")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PolicyName, Partition);
            limiter.OnRejected = OnRejectedAsync;
        });
        return builder;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<ApiKeyRateLimitOptions>>().Value;
        return context.Features.Get<ApiKeyIdentity>() is { } identity
            ? Bucket("key:" + identity.Id, options.Burst, options.PermitsPerSecond)
            : Bucket("address:" + context.Connection.RemoteIpAddress, options.AnonymousBurst, options.AnonymousPermitsPerSecond);
    }

    private static RateLimitPartition<string> Bucket(string partition, int burst, int perSecond) =>
        RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await response.WriteAsJsonAsync(new ApiKeyProblem("Too Many Requests", null), cancellationToken);
    }
}
