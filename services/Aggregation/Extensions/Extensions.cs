using CdnPulse.Aggregation.Consumers;
using CdnPulse.ServiceDefaults;

namespace CdnPulse.Aggregation.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddEventsDataSource();
        builder.Services.AddSingleton<EventStore.EventStore>();
        builder.Services.AddSingleton<CountedBatchLedger>();
        builder.AddMessaging(bus => bus.AddConsumer<LogBatchEnrichedConsumer>(typeof(LogBatchEnrichedConsumerDefinition)));
    }
}
