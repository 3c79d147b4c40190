using CdnPulse.Enrichment.Consumers;
using CdnPulse.Enrichment.IpData;
using CdnPulse.ServiceDefaults;

namespace CdnPulse.Enrichment.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddIpData();
        builder.Services.AddSingleton<RequestEnricher>();
        builder.AddMessaging(bus => bus.AddConsumer<LogBatchReceivedConsumer>(typeof(LogBatchReceivedConsumerDefinition)));
    }
}
