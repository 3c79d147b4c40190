using CdnPulse.EventStore;
using CdnPulse.Metrics;
using CdnPulse.MetricsQuery.Apis;
using CdnPulse.MetricsQuery.Caching;
using CdnPulse.MetricsQuery.Live;
using CdnPulse.MetricsQuery.Native;
using CdnPulse.ServiceDefaults;
using CdnPulse.ServiceDefaults.ApiKeys;
using MassTransit;

namespace CdnPulse.MetricsQuery.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddEventsDataSource();
        builder.AddApiKeyStore();
        builder.AddApiKeyRateLimiting();
        builder.AddCrossOrigin();
        builder.AddApiDocs();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new UtcTimeJsonConverter()));
        builder.Services.AddSingleton<MinuteStatsReader>();
        builder.Services.AddSingleton<ReadModelQueries>();
        builder.Services.AddSingleton<MetricQueryService>();
        builder.Services.AddOptions<MinuteCacheOptions>().BindConfiguration(MinuteCacheOptions.SectionName)
            .Validate(o => o.MaxAge > TimeSpan.Zero && o.MaxMegabytes > 0, "MinuteCache: MaxAge and MaxMegabytes must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<MinuteCache>();
        builder.Services.AddHostedService<RebuildWatcher>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddEventStore();
        builder.Services.AddProjection<MinuteStatsProjection>();

        builder.Services.AddOptions<LiveStreamOptions>().BindConfiguration(LiveStreamOptions.SectionName)
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.MaxWait > TimeSpan.Zero && o.HeartbeatInterval > TimeSpan.Zero && o.MaxSubscribers > 0,
                "LiveStream: PollInterval, MaxWait and HeartbeatInterval must be positive, MaxSubscribers at least 1.")
            .ValidateOnStart();
        builder.Services.AddSingleton<WindowUpdateHub>();
        builder.Services.AddSingleton<WindowUpdateRelay>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WindowUpdateRelay>());
        builder.Services.AddReceiveEndpointObserver<CacheResetObserver>();
        builder.AddMessaging(bus => bus.AddConsumer<MetricWindowUpdatedConsumer>(typeof(MetricWindowUpdatedConsumerDefinition)));
    }

    /// <summary>Before the endpoints: CORS, then the key (once per request), then the per-key rate limiter that needs it.</summary>
    public static void UseApiPipeline(this WebApplication app)
    {
        app.UseCors();
        app.UseApiKeyAuthentication();
        app.UseRateLimiter();
    }
}
