using System.Text.Json.Nodes;
using CdnPulse.Deploy.Components;
using static CdnPulse.Deploy.Tests.StackTemplate;

namespace CdnPulse.Deploy.Tests;

[Collection(SynthCollection.Name)]
public sealed class FirehoseTests(SynthesizedStacks stacks)
{
    private readonly StackTemplate _template = stacks.Default;

    private JsonObject Destination => _template.Single("AWS::KinesisFirehose::DeliveryStream").Properties["HttpEndpointDestinationConfiguration"]!.AsObject();

    [Fact]
    public void Firehose_delivers_over_https_to_the_firehose_path_of_the_load_balancer()
    {
        var (loadBalancerId, _) = _template.Single("AWS::ElasticLoadBalancingV2::LoadBalancer");

        var parts = JoinParts(Destination["EndpointConfiguration"]!["Url"]);

        Assert.Equal(3, parts.Count);
        Assert.Equal("https://", (string)parts[0]!);
        Assert.Equal("/firehose", (string)parts[2]!);
        // The host: the IngestHostName parameter when set (the certificate's name), else the load balancer's DNS name.
        var choice = parts[1]!["Fn::If"]!.AsArray();
        Assert.Equal(CdnPulseStack.HostNameParameter, Ref(choice[1]));
        Assert.Equal((loadBalancerId, "DNSName"), GetAtt(choice[2]));
        Assert.True(_template.Root["Conditions"]!.AsObject().ContainsKey((string)choice[0]!));
    }

    [Fact]
    public void Firehose_reads_the_access_key_from_secrets_manager()
    {
        var roleId = GetAtt(Destination["RoleARN"]).Id;
        var secrets = Destination["SecretsManagerConfiguration"]!;

        Assert.True((bool)secrets["Enabled"]!);
        Assert.Equal(roleId, GetAtt(secrets["RoleARN"]).Id);
        var secretId = Ref(secrets["SecretARN"]);
        Assert.Equal("AWS::SecretsManager::Secret", _template.TypeOf(secretId));
        Assert.Equal(AppSecrets.FirehoseAccessKeyField, (string)_template.PropertiesOf(secretId)["GenerateSecretString"]!["GenerateStringKey"]!);
        Assert.False(Destination["EndpointConfiguration"]!.AsObject().ContainsKey("AccessKey"));
        Assert.Contains(_template.StatementsOf(roleId), s =>
            Strings(s["Action"]).Contains("secretsmanager:GetSecretValue") && Ref(s["Resource"]) == secretId);

        // Ingest checks the same key: the secret's api_key field.
        var ingestSecrets = NameValues(_template.Container("ingest").Container["Secrets"], "ValueFrom");
        var valueFrom = JoinParts(ingestSecrets["Firehose__AccessKey"]);
        Assert.Equal(secretId, Ref(valueFrom[0]));
        Assert.Equal(":api_key::", (string)valueFrom[1]!);
    }

    [Fact]
    public void Firehose_reads_the_log_stream_and_keeps_failed_data_in_s3()
    {
        var (_, delivery) = _template.Single("AWS::KinesisFirehose::DeliveryStream");
        var (streamId, _) = _template.Single("AWS::Kinesis::Stream");
        var (bucketId, _) = _template.Single("AWS::S3::Bucket");

        Assert.Equal("KinesisStreamAsSource", (string)delivery["DeliveryStreamType"]!);
        Assert.Equal((streamId, "Arn"), GetAtt(delivery["KinesisStreamSourceConfiguration"]!["KinesisStreamARN"]));
        Assert.Equal("GZIP", (string)Destination["RequestConfiguration"]!["ContentEncoding"]!);
        Assert.Equal("FailedDataOnly", (string)Destination["S3BackupMode"]!);
        Assert.Equal((bucketId, "Arn"), GetAtt(Destination["S3Configuration"]!["BucketARN"]));
        Assert.True((bool)Destination["CloudWatchLoggingOptions"]!["Enabled"]!);
    }

    [Fact]
    public void Only_one_reader_takes_the_stream_on_each_ingest_path()
    {
        var ingestEnvironment = NameValues(_template.Container("ingest").Container["Environment"], "Value");
        Assert.Equal("false", (string)ingestEnvironment["Ingest__ReadKinesis"]!);
        Assert.Equal(2, (int)_template.ServiceOf("ingest")["DesiredCount"]!);

        var kinesis = stacks.KinesisPath;
        var (_, delivery) = kinesis.Single("AWS::KinesisFirehose::DeliveryStream");
        Assert.Equal("DirectPut", (string)delivery["DeliveryStreamType"]!);
        Assert.False(delivery.ContainsKey("KinesisStreamSourceConfiguration"));
        var (taskDefinitionId, container) = kinesis.Container("ingest");
        Assert.Equal("true", (string)NameValues(container["Environment"], "Value")["Ingest__ReadKinesis"]!);
        var service = kinesis.ServiceOf("ingest");
        Assert.Equal(1, (int)service["DesiredCount"]!);
        Assert.Equal(0, (int)service["DeploymentConfiguration"]!["MinimumHealthyPercent"]!);
        Assert.Equal(100, (int)service["DeploymentConfiguration"]!["MaximumPercent"]!);
        var taskRoleId = GetAtt(kinesis.PropertiesOf(taskDefinitionId)["TaskRoleArn"]).Id;
        var (streamId, _) = kinesis.Single("AWS::Kinesis::Stream");
        Assert.Contains(kinesis.StatementsOf(taskRoleId), s =>
            Strings(s["Action"]).Contains("kinesis:GetRecords") && GetAtt(s["Resource"]) == (streamId, "Arn"));
    }
}
