using static CdnPulse.Deploy.Tests.StackTemplate;

namespace CdnPulse.Deploy.Tests;

[Collection(SynthCollection.Name)]
public sealed class DataAndAlarmsTests(SynthesizedStacks stacks)
{
    private readonly StackTemplate _template = stacks.Default;

    [Fact]
    public void Rds_runs_postgres_privately_with_a_generated_password()
    {
        var (_, database) = _template.Single("AWS::RDS::DBInstance");

        Assert.Equal("postgres", (string)database["Engine"]!);
        Assert.Equal("events", (string)database["DBName"]!);
        Assert.False((bool)database["PubliclyAccessible"]!);
        Assert.True((bool)database["StorageEncrypted"]!);
        Assert.Contains("{{resolve:secretsmanager:", database["MasterUserPassword"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Amazon_mq_runs_rabbitmq_privately_with_a_generated_password()
    {
        var (_, broker) = _template.Single("AWS::AmazonMQ::Broker");

        Assert.Equal("RABBITMQ", (string)broker["EngineType"]!);
        Assert.False((bool)broker["PubliclyAccessible"]!);
        var subnet = Ref(Assert.Single(broker["SubnetIds"]!.AsArray()));
        Assert.False((bool)(_template.PropertiesOf(subnet)["MapPublicIpOnLaunch"] ?? false));
        var user = Assert.Single(broker["Users"]!.AsArray())!;
        Assert.Contains("{{resolve:secretsmanager:", user["Password"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Alarms_topic_exists_and_alerting_may_publish_to_it()
    {
        var (topicId, _) = _template.Single("AWS::SNS::Topic");
        var (taskDefinitionId, container) = _template.Container("alerting");

        Assert.Equal(topicId, Ref(NameValues(container["Environment"], "Value")[CdnPulseStack.AlarmTopicVariable]));
        var taskRoleId = GetAtt(_template.PropertiesOf(taskDefinitionId)["TaskRoleArn"]).Id;
        Assert.Contains(_template.StatementsOf(taskRoleId), s => (string?)s["Action"] == "sns:Publish" && Ref(s["Resource"]) == topicId);
    }
}
