using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Kinesis;
using Constructs;

namespace CdnPulse.Deploy.Components;

/// <summary>
/// The Kinesis data stream CloudFront writes to and the real-time log configuration that tells it to: every request
/// (sampling 100 %) with the field list Ingest parses, sent through a role CloudFront may assume.
/// </summary>
public sealed class RealtimeLogs : Construct
{
    public const int SamplingRate = 100;

    public RealtimeLogs(Construct scope, string id, IReadOnlyList<string> fields, int shardCount)
        : base(scope, id)
    {
        Stream = new Amazon.CDK.AWS.Kinesis.Stream(this, "Stream", new StreamProps
        {
            ShardCount = shardCount,
            RetentionPeriod = Duration.Hours(24),
            Encryption = StreamEncryption.MANAGED,
        });
        CloudFrontRole = new Role(this, "CloudFrontRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("cloudfront.amazonaws.com"),
            Description = "Lets CloudFront put real-time log records into the CdnPulse stream.",
        });
        // The four actions CloudFront's documentation lists for a real-time log endpoint role.
        CloudFrontRole.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["kinesis:DescribeStreamSummary", "kinesis:DescribeStream", "kinesis:PutRecord", "kinesis:PutRecords"],
            Resources = [Stream.StreamArn],
        }));
        Config = new CfnRealtimeLogConfig(this, "Config", new CfnRealtimeLogConfigProps
        {
            Name = $"{Stack.Of(this).StackName}-realtime-logs",
            SamplingRate = SamplingRate,
            Fields = [.. fields],
            EndPoints = new object[]
            {
                new CfnRealtimeLogConfig.EndPointProperty
                {
                    StreamType = "Kinesis",
                    KinesisStreamConfig = new CfnRealtimeLogConfig.KinesisStreamConfigProperty
                    {
                        RoleArn = CloudFrontRole.RoleArn,
                        StreamArn = Stream.StreamArn,
                    },
                },
            },
        });
        // CloudFront checks the role's access when the configuration is created.
        Config.Node.AddDependency(CloudFrontRole);
    }

    public Amazon.CDK.AWS.Kinesis.Stream Stream { get; }

    public Role CloudFrontRole { get; }

    public CfnRealtimeLogConfig Config { get; }
}
