using CdnPulse.ServiceDefaults.ApiKeys;

namespace CdnPulse.MetricsQuery.Extensions;

/// <summary>CORS from <see cref="CrossOriginOptions"/>: the configured origins may send x-api-key and read Retry-After.</summary>
internal static class CrossOriginExtensions
{
    public static void AddCrossOrigin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CrossOriginOptions>()
            .Bind(builder.Configuration.GetSection(CrossOriginOptions.SectionName))
            .Validate(o => o.IsValid, "Cors:AllowedOrigins holds origins such as https://ops.example.com (scheme, host, optional port) or *.")
            .ValidateOnStart();
        var origins = builder.Configuration.GetSection(CrossOriginOptions.SectionName).Get<CrossOriginOptions>()?.AllowedOrigins ?? [];
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            if (origins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins([.. origins]);
            }
            policy.WithMethods("GET", "POST", "DELETE")
                .WithHeaders(ApiKeyFilter.HeaderName, "content-type")
                .WithExposedHeaders("Retry-After")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        }));
    }
}
