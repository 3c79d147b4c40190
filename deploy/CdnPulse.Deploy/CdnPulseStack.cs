using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.SNS;
using CdnPulse.CdnLogs;
using CdnPulse.Deploy.Components;
using CdnPulse.Deploy.Wiring;
using CdnPulse.Hosting;
using Constructs;
using EcsSecret = Amazon.CDK.AWS.ECS.Secret;

namespace CdnPulse.Deploy;

/// <summary>
/// CdnPulse on AWS, top to bottom like the AppHost: network, the CloudFront log stream, secrets, PostgreSQL, RabbitMQ,
/// the load balancer and Firehose, the alarms topic, then the services and the migrations task.
/// </summary>
public sealed class CdnPulseStack : Stack
{
    public const string CertificateArnParameter = "CertificateArn";
    public const string HostNameParameter = "IngestHostName";
    public const string ImageTagParameter = "ImageTag";
    public const string AlarmTopicVariable = "Alerting__SnsTopicArn";

    public CdnPulseStack(Construct scope, string id, DeploySettings settings, IStackProps? props = null)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var certificateArn = new CfnParameter(this, CertificateArnParameter, new CfnParameterProps
        {
            Type = "String",
            Description = "ACM certificate (same region) for the load balancer's HTTPS listener; it must cover IngestHostName.",
        });
        var hostName = new CfnParameter(this, HostNameParameter, new CfnParameterProps
        {
            Type = "String",
            Default = "",
            Description = "DNS name pointing at the load balancer, used in Firehose's endpoint URL; empty uses the load balancer's own DNS name.",
        });
        var imageTag = new CfnParameter(this, ImageTagParameter, new CfnParameterProps
        {
            Type = "String",
            Default = "latest",
            Description = "Tag of every CdnPulse image (ingest, enrichment, aggregation, metrics-query, alerting, migrations).",
        });

        var network = new Network(this, "Network");
        var realtimeLogs = new RealtimeLogs(this, "RealtimeLogs", [.. RealtimeLogFields.Default11.Select(RealtimeLogFields.NameOf)], settings.KinesisShardCount);
        var secrets = new AppSecrets(this, "Secrets");
        var database = new EventsDatabase(this, "Events", network);
        var broker = new MessageBroker(this, "Messaging", network);
        var endpoint = new PublicEndpoint(this, "PublicEndpoint", network, certificateArn.ValueAsString, hostName);
        var firehose = new FirehoseDelivery(this, "Firehose", endpoint.FirehoseUrl, secrets.FirehoseAccessKey,
            settings.IngestPath == IngestPath.Firehose ? realtimeLogs.Stream : null);
        var alarms = new Topic(this, "AlarmsTopic", new TopicProps { DisplayName = "CdnPulse alarms" });

        var cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = network.Vpc, ContainerInsights = true });
        var images = new ImageSource(this, "Images", settings, imageTag.ValueAsString);
        var bindings = new WiringBindings(
            new Dictionary<string, EcsSecret>
            {
                [SystemModel.Events] = EcsSecret.FromSecretsManager(database.ConnectionString),
                [SystemModel.Messaging] = EcsSecret.FromSecretsManager(broker.ConnectionString),
            },
            new Dictionary<string, EcsSecret>
            {
                [SystemModel.ApiKeyParameter] = EcsSecret.FromSecretsManager(secrets.ApiKey),
                [SystemModel.FirehoseAccessKeyParameter] = EcsSecret.FromSecretsManager(secrets.FirehoseAccessKey, AppSecrets.FirehoseAccessKeyField),
            },
            new HashSet<string>(StringComparer.Ordinal) { SystemModel.Kinesis });

        var readsKinesis = settings.IngestPath == IngestPath.Kinesis;
        foreach (var service in DeployedServices.All)
        {
            var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
            if (service.Name == SystemModel.Ingest)
            {
                overrides["Kinesis__StreamName"] = realtimeLogs.Stream.StreamName;
                overrides["Kinesis__Region"] = Aws.REGION;
                overrides["Ingest__ReadKinesis"] = readsKinesis ? "true" : "false";
            }
            else if (service.Name == SystemModel.Alerting)
            {
                overrides[AlarmTopicVariable] = alarms.TopicArn;
            }
            var isKinesisReader = readsKinesis && service.Name == SystemModel.Ingest;
            var app = new FargateApp(this, ConstructId(service.Name), new FargateAppProps(
                service, cluster, images.For(service.Name), ServiceWiring.Wire(service.Definition, bindings, overrides),
                network.Services, endpoint.Listener,
                DesiredCount: service.Name == SystemModel.Ingest && !isKinesisReader ? 2 : 1,
                SingleInstance: isKinesisReader));
            if (isKinesisReader)
            {
                realtimeLogs.Stream.GrantRead(app.TaskDefinition.TaskRole);
            }
            if (service.Name == SystemModel.Alerting)
            {
                alarms.GrantPublish(app.TaskDefinition.TaskRole);
            }
        }

        var migrationsStep = DeployedServices.Migrations;
        var migrations = new MigrationsTask(this, "Migrations", migrationsStep.Name, migrationsStep.Arguments,
            images.For(migrationsStep.Name), ServiceWiring.Wire(migrationsStep, bindings, new Dictionary<string, string>()));

        Output("LoadBalancerDnsName", endpoint.LoadBalancer.LoadBalancerDnsName, "Point IngestHostName's DNS record (CNAME/alias) here.");
        Output("BaseUrl", endpoint.BaseUrl, "Public base URL: /metric, /prod/metric, /api/*, /alarms*, /firehose.");
        Output("FirehoseEndpointUrl", endpoint.FirehoseUrl, "Where Firehose delivers.");
        Output("RealtimeLogConfigArn", realtimeLogs.Config.AttrArn, "Attach to the CloudFront distribution's cache behaviors.");
        Output("KinesisStreamName", realtimeLogs.Stream.StreamName, "CloudFront real-time log stream.");
        Output("DeliveryStreamName", firehose.DeliveryStream.Ref, "Firehose stream delivering to Ingest.");
        Output("FailedDataBucket", firehose.FailedData.BucketName, "Records Firehose could not deliver.");
        Output("AlarmsTopicArn", alarms.TopicArn, "SNS topic for alarm notifications.");
        Output("ApiKeySecretArn", secrets.ApiKey.SecretArn, "The x-api-key value (read it with aws secretsmanager get-secret-value).");
        Output("ClusterName", cluster.ClusterName, "ECS cluster.");
        Output("MigrationsTaskDefinitionArn", migrations.TaskDefinition.TaskDefinitionArn, "Run once per release: aws ecs run-task.");
        Output("TaskSubnets", Fn.Join(",", [.. network.Vpc.PrivateSubnets.Select(s => s.SubnetId)]), "Private subnets for run-task.");
        Output("TaskSecurityGroup", network.Services.SecurityGroupId, "Security group for run-task.");
        Amazon.CDK.Tags.Of(this).Add("project", "cdnpulse");
    }

    /// <summary>metrics-query → MetricsQuery.</summary>
    public static string ConstructId(string serviceName) =>
        string.Concat(serviceName.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    private void Output(string id, string value, string description) =>
        _ = new CfnOutput(this, id, new CfnOutputProps { Value = value, Description = description });
}
