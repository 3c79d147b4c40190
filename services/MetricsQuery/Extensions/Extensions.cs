using CdnPulse.EventStore;
using CdnPulse.Metrics;
using CdnPulse.ServiceDefaults;
using CdnPulse.ServiceDefaults.ApiKeys;

namespace CdnPulse.MetricsQuery.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddEventsDataSource();
        builder.AddApiKeys();
        builder.Services.AddSingleton<MinuteStatsReader>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddEventStore();
        builder.Services.AddProjection<MinuteStatsProjection>();
    }
}
