using System.Text.Json.Nodes;
using CdnPulse.Deploy.Wiring;
using CdnPulse.Hosting;
using static CdnPulse.Deploy.Tests.StackTemplate;

namespace CdnPulse.Deploy.Tests;

[Collection(SynthCollection.Name)]
public sealed class ServiceTests(SynthesizedStacks stacks)
{
    private readonly StackTemplate _template = stacks.Default;

    public static TheoryData<string, string[]> ExpectedSecrets => new()
    {
        { "ingest", ["Auth__ApiKeys__0", "ConnectionStrings__events", "ConnectionStrings__messaging", "Firehose__AccessKey"] },
        { "enrichment", ["ConnectionStrings__messaging"] },
        { "aggregation", ["ConnectionStrings__events", "ConnectionStrings__messaging"] },
        { "metrics-query", ["Auth__ApiKeys__0", "ConnectionStrings__events"] },
        { "alerting", ["Auth__ApiKeys__0", "ConnectionStrings__events", "ConnectionStrings__messaging"] },
        { "migrations", ["ConnectionStrings__events"] },
    };

    [Fact]
    public void Five_services_run_on_fargate_in_private_subnets()
    {
        var services = _template.OfType("AWS::ECS::Service");
        var privateSubnets = _template.OfType("AWS::EC2::Subnet")
            .Where(s => !(bool)(s.Properties["MapPublicIpOnLaunch"] ?? false)).Select(s => s.Id).ToHashSet();

        Assert.Equal(["aggregation", "alerting", "enrichment", "ingest", "metrics-query"], DeployedServices.All.Select(s => s.Name).Order());
        Assert.Equal(5, services.Count);
        foreach (var name in DeployedServices.All.Select(s => s.Name))
        {
            var service = _template.ServiceOf(name);
            Assert.Equal("FARGATE", (string)service["LaunchType"]!);
            var vpc = service["NetworkConfiguration"]!["AwsvpcConfiguration"]!;
            Assert.Equal("DISABLED", (string)vpc["AssignPublicIp"]!);
            Assert.All(vpc["Subnets"]!.AsArray(), s => Assert.Contains(Ref(s), privateSubnets));
            Assert.True((bool)service["DeploymentConfiguration"]!["DeploymentCircuitBreaker"]!["Rollback"]!);
        }
    }

    // At least these (a service that gains a dependency in SystemModel gains its secret without a change here).
    [Theory]
    [MemberData(nameof(ExpectedSecrets))]
    public void Connection_strings_and_keys_reach_containers_as_secrets_only(string name, string[] secrets)
    {
        var (_, container) = _template.Container(name);
        var environment = NameValues(container["Environment"], "Value");
        var actual = NameValues(container["Secrets"], "ValueFrom").Keys.ToHashSet();

        Assert.Subset(actual, secrets.ToHashSet());
        Assert.All(actual, s => Assert.True(s.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || s is "Auth__ApiKeys__0" or "Firehose__AccessKey", s));
        Assert.DoesNotContain(environment.Keys, actual.Contains);
        Assert.Equal(name, (string)environment["OTEL_SERVICE_NAME"]!);
    }

    [Fact]
    public void Ingest_gets_the_streams_name_and_region()
    {
        var environment = NameValues(_template.Container("ingest").Container["Environment"], "Value");
        var (streamId, _) = _template.Single("AWS::Kinesis::Stream");

        Assert.Equal(streamId, Ref(environment["Kinesis__StreamName"]));
        Assert.Equal("AWS::Region", Ref(environment["Kinesis__Region"]));
        // The local kinesalite URL has no meaning on AWS: the client uses the regional endpoint.
        Assert.False(environment.ContainsKey("Kinesis__ServiceUrl"));
    }

    [Fact]
    public void Connection_string_secrets_are_built_from_rds_and_the_broker()
    {
        var secrets = NameValues(_template.Container("aggregation").Container["Secrets"], "ValueFrom");
        var (databaseId, _) = _template.Single("AWS::RDS::DBInstance");
        var (brokerId, _) = _template.Single("AWS::AmazonMQ::Broker");

        var events = JoinParts(_template.PropertiesOf(Ref(secrets["ConnectionStrings__events"]))["SecretString"]);
        Assert.Contains(events, p => p is JsonObject && GetAtt(p) == (databaseId, "Endpoint.Address"));
        Assert.Contains(events, p => p is JsonValue && ((string)p!).Contains("Database=events", StringComparison.Ordinal));

        var messaging = JoinParts(_template.PropertiesOf(Ref(secrets["ConnectionStrings__messaging"]))["SecretString"]);
        Assert.StartsWith("amqps://", (string)messaging[0]!, StringComparison.Ordinal);
        Assert.Contains(brokerId, messaging[^1]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("AmqpEndpoints", messaging[^1]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_variable_of_the_system_model_is_wired()
    {
        foreach (var definition in SystemModel.Services.Append(SystemModel.MigrationsStep))
        {
            var (_, container) = _template.Container(definition.Name);
            var wired = NameValues(container["Environment"], "Value").Keys
                .Concat(NameValues(container["Secrets"], "ValueFrom").Keys).ToHashSet();
            var expected = definition.Environment(new AnyValues()).Keys.Where(k => k != "Kinesis__ServiceUrl");

            Assert.All(expected, key => Assert.Contains(key, wired));
        }
    }

    [Fact]
    public void Containers_come_from_ecr_log_to_retained_groups_and_check_health()
    {
        foreach (var name in DeployedServices.All.Select(s => s.Name).Append(DeployedServices.Migrations.Name))
        {
            var (_, container) = _template.Container(name);

            var image = JoinParts(container["Image"]).Select(p => p!.ToJsonString()).ToList();
            Assert.Contains(image, p => p.Contains(".dkr.ecr.", StringComparison.Ordinal));
            Assert.Contains(image, p => p.Contains($"/cdnpulse/{name}:", StringComparison.Ordinal));
            Assert.Equal(CdnPulseStack.ImageTagParameter, Ref(JoinParts(container["Image"])[^1]));

            var log = container["LogConfiguration"]!;
            Assert.Equal("awslogs", (string)log["LogDriver"]!);
            var group = _template.PropertiesOf(Ref(log["Options"]!["awslogs-group"]));
            Assert.Equal(30, (int)group["RetentionInDays"]!);

            if (name != DeployedServices.Migrations.Name)
            {
                Assert.Contains("/health", string.Join(' ', Strings(container["HealthCheck"]!["Command"])), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Nothing_is_built_or_bundled_at_synth()
    {
        var assets = JsonNode.Parse(File.ReadAllText(Path.Combine(_template.Folder, CdnPulseApp.StackName + ".assets.json")))!;

        Assert.Empty(assets["dockerImages"]!.AsObject());
        Assert.Equal([CdnPulseApp.StackName + ".template.json"], assets["files"]!.AsObject().Select(f => (string)f.Value!["source"]!["path"]!));
        Assert.Empty(_template.OfType("AWS::Lambda::Function"));
        Assert.Empty(_template.OfType("Custom::LogRetention"));
    }

    private sealed class AnyValues : IValueResolver
    {
        public string ConnectionString(string resource) => "c";

        public string Parameter(string name) => "p";

        public string ServiceUrl(string service) => "u";

        public string RepositoryPath(string relativePath) => relativePath;
    }
}
