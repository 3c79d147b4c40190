using CdnPulse.CdnLogs;
using CdnPulse.Enrichment.IpData;
using CdnPulse.Ingest.Firehose;
using CdnPulse.Ingest.Kinesis;
using CdnPulse.Ingest.LambdaEdge;
using CdnPulse.Ingest.Publishing;
using CdnPulse.Ingest.Transform;
using CdnPulse.Kinesis;
using CdnPulse.ServiceDefaults;
using CdnPulse.ServiceDefaults.ApiKeys;
using Microsoft.Extensions.Options;

namespace CdnPulse.Ingest.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddEventsDataSource();
        // Bootstrap keys and stored keys; the HTTP endpoints other than /firehose (its own access key) need the ingest scope.
        builder.AddApiKeyStore();
        builder.AddMessaging();
        builder.AddIpData();

        builder.Services.AddOptions<IngestOptions>()
            .Bind(builder.Configuration.GetSection(IngestOptions.SectionName))
            .Validate(o => TryFormat(o.LogFields, out _), "Ingest:LogFields is not a valid CloudFront real-time log field list.")
            .Validate(o => o.MaxRequestsPerMessage is > 0 and <= 50_000, "Ingest:MaxRequestsPerMessage must be between 1 and 50000.")
            .ValidateOnStart();
        builder.Services.AddOptions<ShardLeaseOptions>()
            .Bind(builder.Configuration.GetSection(ShardLeaseOptions.SectionName))
            .Validate(o => o.IsValid(),
                "Ingest:Leases: Duration must be at least 1 s, RenewInterval positive and at most a third of Duration, DiscoveryInterval positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<FirehoseOptions>()
            .Bind(builder.Configuration.GetSection(FirehoseOptions.SectionName))
            .Validate(o => o.AccessKey is { Length: >= 16 }, "Firehose:AccessKey must be set (16 characters or more): it is the key Firehose sends in X-Amz-Firehose-Access-Key.")
            .Validate(o => o.MaxBodyBytes > 0 && o.RequestIdRetention > TimeSpan.Zero, "Firehose:MaxBodyBytes and Firehose:RequestIdRetention must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<FirehoseTransformOptions>()
            .Bind(builder.Configuration.GetSection(FirehoseTransformOptions.SectionName))
            .Validate(o => o.MaxBodyBytes > 0, "FirehoseTransform:MaxBodyBytes must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<LambdaEdgeOptions>()
            .Bind(builder.Configuration.GetSection(LambdaEdgeOptions.SectionName))
            .Validate(o => o.MaxBodyBytes > 0, "LambdaEdge:MaxBodyBytes must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<KinesisOptions>()
            .Bind(builder.Configuration.GetSection(KinesisOptions.SectionName))
            .Validate(o => o.Validate().Count == 0, "Kinesis options are invalid (ServiceUrl, Region, StreamName).")
            .ValidateOnStart();

        builder.Services.AddSingleton(sp => new RealtimeLogParser(RealtimeLogFormat.Parse(sp.GetRequiredService<IOptions<IngestOptions>>().Value.LogFields)));
        builder.Services.AddSingleton<IngestInstance>();
        builder.Services.AddSingleton<IngestMetrics>();
        builder.Services.AddSingleton<RejectLog>();
        builder.Services.AddSingleton<LogBatchPublisher>();
        builder.Services.AddSingleton<FirehoseAccessKey>();
        builder.Services.AddSingleton<FirehoseRequestLedger>();
        builder.Services.AddSingleton<FirehoseTransformer>();
        builder.Services.AddSingleton(sp => KinesisClient.Create(sp.GetRequiredService<IOptions<KinesisOptions>>().Value));
        builder.Services.AddSingleton<ShardLeaseStore>();
        builder.Services.AddHostedService<KinesisStreamConsumer>();
        builder.Services.AddHostedService<FirehoseRequestPruner>();
    }

    private static bool TryFormat(string fields, out RealtimeLogFormat? format)
    {
        try
        {
            format = RealtimeLogFormat.Parse(fields);
            return true;
        }
        catch (ArgumentException)
        {
            format = null;
            return false;
        }
    }
}
