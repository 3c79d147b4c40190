using System.Text.Json.Nodes;
using CdnPulse.CdnLogs;
using static CdnPulse.Deploy.Tests.StackTemplate;

namespace CdnPulse.Deploy.Tests;

[Collection(SynthCollection.Name)]
public sealed class RealtimeLogConfigTests(SynthesizedStacks stacks)
{
    private readonly StackTemplate _template = stacks.Default;

    [Fact]
    public void Real_time_log_config_sends_the_parsers_default_fields_in_order()
    {
        var (_, config) = _template.Single("AWS::CloudFront::RealtimeLogConfig");

        var expected = RealtimeLogFormat.Default.ToString().Split(',');
        Assert.Equal(11, expected.Length);
        Assert.Equal(expected, Strings(config["Fields"]));
    }

    [Fact]
    public void Real_time_log_config_samples_every_request_into_the_stream()
    {
        var (_, config) = _template.Single("AWS::CloudFront::RealtimeLogConfig");
        var (streamId, _) = _template.Single("AWS::Kinesis::Stream");

        Assert.Equal(100, (int)config["SamplingRate"]!);
        var endpoint = Assert.Single(config["EndPoints"]!.AsArray())!;
        Assert.Equal("Kinesis", (string)endpoint["StreamType"]!);
        Assert.Equal((streamId, "Arn"), GetAtt(endpoint["KinesisStreamConfig"]!["StreamArn"]));
    }

    [Fact]
    public void CloudFront_may_assume_the_role_and_put_records_into_the_stream()
    {
        var (_, config) = _template.Single("AWS::CloudFront::RealtimeLogConfig");
        var (streamId, _) = _template.Single("AWS::Kinesis::Stream");
        var (roleId, attribute) = GetAtt(config["EndPoints"]![0]!["KinesisStreamConfig"]!["RoleArn"]);

        Assert.Equal(("AWS::IAM::Role", "Arn"), (_template.TypeOf(roleId), attribute));
        var trust = _template.PropertiesOf(roleId)["AssumeRolePolicyDocument"]!["Statement"]!.AsArray();
        Assert.Contains(trust, s => (string?)s!["Principal"]!["Service"] == "cloudfront.amazonaws.com");
        var grant = Assert.Single(_template.StatementsOf(roleId));
        Assert.Equal(["kinesis:DescribeStreamSummary", "kinesis:DescribeStream", "kinesis:PutRecord", "kinesis:PutRecords"], Strings(grant["Action"]));
        Assert.Equal((streamId, "Arn"), GetAtt(grant["Resource"]));
        // The configuration is created only once the role's policy exists (CloudFront checks the role).
        var policyId = _template.OfType("AWS::IAM::Policy").Single(p => p.Properties["Roles"]!.AsArray().Any(r => Ref(r) == roleId)).Id;
        var configId = _template.Single("AWS::CloudFront::RealtimeLogConfig").Id;
        Assert.Contains(policyId, Strings(_template.Resources[configId]!["DependsOn"] ?? new JsonArray()));
    }
}
