namespace CdnPulse.Hosting;

/// <summary>
/// CdnPulse as resources, top to bottom: infrastructure (postgres with its events database, messaging, kinesis),
/// the schema step, then the services. A resource's name is the connection-string name its users ask for.
/// </summary>
public static class SystemModel
{
    public const string Events = "events";
    public const string Messaging = RabbitMqServer.ResourceName;
    public const string Kinesis = KinesisServer.ResourceName;
    public const string Migrations = "migrations";
    public const string ApiKeyParameter = "api-key";
    public const string FirehoseAccessKeyParameter = "firehose-access-key";
    public const string StreamName = "cloudfront-realtime-logs";
    public const string KinesisRegion = "us-east-1";

    /// <summary>The IP-range tables installed by <c>npm ci --prefix tools/node</c>, relative to the checkout.</summary>
    public const string IpDataFolder = "tools/node/node_modules/@ip-location-db";

    public const string Ingest = "ingest";
    public const string Enrichment = "enrichment";
    public const string Aggregation = "aggregation";
    public const string MetricsQuery = "metrics-query";
    public const string Alerting = "alerting";

    public static readonly ServiceDefinition MigrationsStep = new(
        Migrations, "tools/Admin/CdnPulse.Admin.csproj", [Events], ["migrate"],
        r => new Dictionary<string, string> { ["ConnectionStrings__events"] = r.ConnectionString(Events) },
        HasHttpEndpoint: false);

    public static readonly IReadOnlyList<ServiceDefinition> Services =
    [
        new(Ingest, "services/Ingest/CdnPulse.Ingest.csproj", [Events, Messaging, Kinesis, Migrations], [], r => new Dictionary<string, string>
        {
            ["ConnectionStrings__events"] = r.ConnectionString(Events),
            ["ConnectionStrings__messaging"] = r.ConnectionString(Messaging),
            ["Kinesis__ServiceUrl"] = r.ConnectionString(Kinesis),
            ["Kinesis__Region"] = KinesisRegion,
            ["Kinesis__StreamName"] = StreamName,
            ["Firehose__AccessKey"] = r.Parameter(FirehoseAccessKeyParameter),
            ["Auth__ApiKeys__0"] = r.Parameter(ApiKeyParameter),
            // The Firehose transform enriches too, so Ingest loads the same IP tables as Enrichment.
            ["IpData__Folder"] = r.RepositoryPath(IpDataFolder),
        }),
        new(Enrichment, "services/Enrichment/CdnPulse.Enrichment.csproj", [Messaging], [], r => new Dictionary<string, string>
        {
            ["ConnectionStrings__messaging"] = r.ConnectionString(Messaging),
            ["IpData__Folder"] = r.RepositoryPath(IpDataFolder),
        }),
        new(Aggregation, "services/Aggregation/CdnPulse.Aggregation.csproj", [Events, Messaging, Migrations], [], r => new Dictionary<string, string>
        {
            ["ConnectionStrings__events"] = r.ConnectionString(Events),
            ["ConnectionStrings__messaging"] = r.ConnectionString(Messaging),
        }),
        new(MetricsQuery, "services/MetricsQuery/CdnPulse.MetricsQuery.csproj", [Events, Messaging, Migrations], [], r => new Dictionary<string, string>
        {
            ["ConnectionStrings__events"] = r.ConnectionString(Events),
            ["ConnectionStrings__messaging"] = r.ConnectionString(Messaging),
            ["Auth__ApiKeys__0"] = r.Parameter(ApiKeyParameter),
        }),
        new(Alerting, "services/Alerting/CdnPulse.Alerting.csproj", [Events, Messaging, Migrations], [], r => new Dictionary<string, string>
        {
            ["ConnectionStrings__events"] = r.ConnectionString(Events),
            ["ConnectionStrings__messaging"] = r.ConnectionString(Messaging),
            ["Auth__ApiKeys__0"] = r.Parameter(ApiKeyParameter),
        }),
    ];
}
