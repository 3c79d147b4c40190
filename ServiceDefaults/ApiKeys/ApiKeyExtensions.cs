using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CdnPulse.ServiceDefaults.ApiKeys;

public static class ApiKeyExtensions
{
    /// <summary>Registers the API keys (section "Auth", e.g. <c>Auth__ApiKeys__0</c>) and fails at start when none is usable.</summary>
    public static TBuilder AddApiKeys<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<ApiKeyOptions>()
            .Bind(builder.Configuration.GetSection(ApiKeyOptions.SectionName))
            .Validate(o => o.Keys.Count > 0 && o.Keys.All(k => k.Length >= 16),
                "Auth:ApiKeys needs at least one key of 16 or more characters (set Auth__ApiKeys__0).")
            .ValidateOnStart();
        builder.Services.AddSingleton<ApiKeyValidator>();
        return builder;
    }
}
