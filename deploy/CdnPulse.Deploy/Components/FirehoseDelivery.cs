using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KinesisFirehose;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using static Amazon.CDK.AWS.KinesisFirehose.CfnDeliveryStream;

namespace CdnPulse.Deploy.Components;

/// <summary>
/// A Firehose stream with the HTTP endpoint destination: gzip-compressed POSTs to Ingest's <c>/firehose</c>, the access
/// key read from Secrets Manager, records Ingest did not accept within the retry window kept in an S3 bucket.
/// With a source stream it reads that stream; without one it is Direct PUT.
/// </summary>
public sealed class FirehoseDelivery : Construct
{
    public FirehoseDelivery(Construct scope, string id, string endpointUrl, ISecret accessKey, Amazon.CDK.AWS.Kinesis.IStream? source)
        : base(scope, id)
    {
        FailedData = new Bucket(this, "FailedData", new BucketProps
        {
            Encryption = BucketEncryption.S3_MANAGED,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            LifecycleRules = [new LifecycleRule { Expiration = Duration.Days(90) }],
        });
        var logs = new LogGroup(this, "Logs", new LogGroupProps
        {
            Retention = RetentionDays.ONE_MONTH,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        var errors = new LogStream(this, "DeliveryErrors", new LogStreamProps { LogGroup = logs, LogStreamName = "HttpEndpointDelivery" });

        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("firehose.amazonaws.com"),
            Description = "CdnPulse Firehose: read the stream, read the access key, write failed data and error logs.",
        });
        FailedData.GrantReadWrite(Role);
        logs.GrantWrite(Role);
        accessKey.GrantRead(Role);
        source?.GrantRead(Role);

        DeliveryStream = new CfnDeliveryStream(this, "DeliveryStream", new CfnDeliveryStreamProps
        {
            DeliveryStreamType = source is null ? "DirectPut" : "KinesisStreamAsSource",
            KinesisStreamSourceConfiguration = source is null ? null : new KinesisStreamSourceConfigurationProperty
            {
                KinesisStreamArn = source.StreamArn,
                RoleArn = Role.RoleArn,
            },
            HttpEndpointDestinationConfiguration = new HttpEndpointDestinationConfigurationProperty
            {
                EndpointConfiguration = new HttpEndpointConfigurationProperty { Name = "CdnPulse Ingest", Url = endpointUrl },
                // No AccessKey in the endpoint configuration: Firehose reads {"api_key": ...} from this secret.
                SecretsManagerConfiguration = new SecretsManagerConfigurationProperty
                {
                    Enabled = true,
                    SecretArn = accessKey.SecretArn,
                    RoleArn = Role.RoleArn,
                },
                RequestConfiguration = new HttpEndpointRequestConfigurationProperty { ContentEncoding = "GZIP" },
                BufferingHints = new BufferingHintsProperty { IntervalInSeconds = 60, SizeInMBs = 1 },
                RetryOptions = new RetryOptionsProperty { DurationInSeconds = 300 },
                RoleArn = Role.RoleArn,
                S3BackupMode = "FailedDataOnly",
                S3Configuration = new S3DestinationConfigurationProperty
                {
                    BucketArn = FailedData.BucketArn,
                    RoleArn = Role.RoleArn,
                    CompressionFormat = "GZIP",
                    Prefix = "failed/",
                    ErrorOutputPrefix = "errors/",
                },
                CloudWatchLoggingOptions = new CloudWatchLoggingOptionsProperty
                {
                    Enabled = true,
                    LogGroupName = logs.LogGroupName,
                    LogStreamName = errors.LogStreamName,
                },
            },
        });
        // Firehose validates the role's access when the stream is created: wait for the role's policy.
        DeliveryStream.Node.AddDependency(Role);
    }

    public Bucket FailedData { get; }

    public Role Role { get; }

    public CfnDeliveryStream DeliveryStream { get; }
}
