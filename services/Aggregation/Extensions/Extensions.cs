using CdnPulse.Aggregation.Consumers;
using CdnPulse.Aggregation.Options;
using CdnPulse.ServiceDefaults;

namespace CdnPulse.Aggregation.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddEventsDataSource();
        builder.Services.AddOptions<AggregationOptions>()
            .Bind(builder.Configuration.GetSection(AggregationOptions.SectionName))
            .Validate(o => o.RetentionDays is >= 1 and <= 36_500, "Aggregation:RetentionDays must be between 1 and 36500 days.")
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<EventStore.EventStore>();
        builder.Services.AddSingleton<CountedBatchLedger>();
        builder.Services.AddSingleton<DroppedLineLedger>();
        builder.Services.AddSingleton<AggregationMetrics>();
        builder.AddMessaging(bus => bus.AddConsumer<LogBatchEnrichedConsumer>(typeof(LogBatchEnrichedConsumerDefinition)));
    }
}
