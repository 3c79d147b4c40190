using CdnPulse.Deploy.Wiring;
using CdnPulse.Hosting;
using EcsSecret = Amazon.CDK.AWS.ECS.Secret;

namespace CdnPulse.Deploy.Tests;

public sealed class ServiceWiringTests
{
    private static readonly WiringBindings NoBindings = new(
        new Dictionary<string, EcsSecret>(), new Dictionary<string, EcsSecret>(), new HashSet<string> { "kinesis" });

    [Fact]
    public void Rejects_a_connection_string_inside_a_longer_value()
    {
        var definition = Definition(r => new Dictionary<string, string> { ["Url"] = "prefix;" + r.ConnectionString("events") });

        var ex = Assert.Throws<InvalidOperationException>(() => ServiceWiring.Wire(definition, NoBindings, new Dictionary<string, string>()));
        Assert.Contains("Url", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_reference_the_deployment_does_not_provide()
    {
        var definition = Definition(r => new Dictionary<string, string> { ["Other__Url"] = r.ServiceUrl("ingest") });

        var ex = Assert.Throws<InvalidOperationException>(() => ServiceWiring.Wire(definition, NoBindings, new Dictionary<string, string>()));
        Assert.Contains("Other__Url refers to ServiceUrl 'ingest'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_plain_values_drops_local_only_resources_and_applies_overrides()
    {
        var definition = Definition(r => new Dictionary<string, string>
        {
            ["Plain"] = "value",
            ["Kinesis__ServiceUrl"] = r.ConnectionString("kinesis"),
            ["Kinesis__Region"] = "us-east-1",
        });

        var wiring = ServiceWiring.Wire(definition, NoBindings, new Dictionary<string, string> { ["Kinesis__Region"] = "eu-west-1" });

        Assert.Equal("value", wiring.Environment["Plain"]);
        Assert.Equal("eu-west-1", wiring.Environment["Kinesis__Region"]);
        Assert.False(wiring.Environment.ContainsKey("Kinesis__ServiceUrl"));
        Assert.Empty(wiring.Secrets);
    }

    private static ServiceDefinition Definition(Func<IValueResolver, IReadOnlyDictionary<string, string>> environment) =>
        new("sample", "services/Sample/CdnPulse.Sample.csproj", [], [], environment);
}
