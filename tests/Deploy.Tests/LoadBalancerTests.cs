using CdnPulse.Deploy.Components;
using CdnPulse.Deploy.Wiring;
using static CdnPulse.Deploy.Tests.StackTemplate;

namespace CdnPulse.Deploy.Tests;

[Collection(SynthCollection.Name)]
public sealed class LoadBalancerTests(SynthesizedStacks stacks)
{
    private readonly StackTemplate _template = stacks.Default;

    public static TheoryData<string, string[]> Routes => new()
    {
        { "ingest", ["/firehose*", "/lambda-edge*", "/rejects*"] },
        { "metrics-query", ["/metric*", "/prod/metric*", "/api/*", "/openapi/*", "/dashboard*"] },
        { "alerting", ["/alarms*", "/alarm-history*", "/subscriptions*", "/deliveries*", "/dead-letters*"] },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void Listener_rules_route_paths_to_their_service(string service, string[] paths)
    {
        var target = Assert.Single(_template.ServiceOf(service)["LoadBalancers"]!.AsArray())!;
        Assert.Equal(service, (string)target["ContainerName"]!);
        var targetGroupId = Ref(target["TargetGroupArn"]);

        var rules = _template.OfType("AWS::ElasticLoadBalancingV2::ListenerRule")
            .Where(r => Ref(Assert.Single(r.Properties["Actions"]!.AsArray())!["TargetGroupArn"]) == targetGroupId)
            .OrderBy(r => (int)r.Properties["Priority"]!)
            .ToList();

        var routed = rules.SelectMany(r => Strings(Assert.Single(r.Properties["Conditions"]!.AsArray())!["PathPatternConfig"]!["Values"])).ToList();
        Assert.Equal(paths, routed);
        Assert.All(rules, r => Assert.InRange(r.Properties["Conditions"]![0]!["PathPatternConfig"]!["Values"]!.AsArray().Count, 1, FargateApp.MaxPathsPerRule));
        Assert.All(rules, r => Assert.Equal("forward", (string)r.Properties["Actions"]![0]!["Type"]!));
        var targetGroup = _template.PropertiesOf(targetGroupId);
        Assert.Equal("/health", (string)targetGroup["HealthCheckPath"]!);
        Assert.Equal(FargateApp.ContainerPort, (int)targetGroup["Port"]!);
    }

    [Fact]
    public void Rules_have_distinct_priorities_and_workers_have_none()
    {
        var rules = _template.OfType("AWS::ElasticLoadBalancingV2::ListenerRule");

        Assert.Equal(rules.Count, rules.Select(r => (int)r.Properties["Priority"]!).Distinct().Count());
        Assert.Equal(DeployedServices.All.Sum(s => s.RoutePaths.Chunk(FargateApp.MaxPathsPerRule).Count()), rules.Count);
        Assert.False(_template.ServiceOf("enrichment").ContainsKey("LoadBalancers"));
        Assert.False(_template.ServiceOf("aggregation").ContainsKey("LoadBalancers"));
    }

    [Fact]
    public void Https_uses_the_certificate_parameter_and_http_redirects_to_it()
    {
        var listeners = _template.OfType("AWS::ElasticLoadBalancingV2::Listener");

        var https = Assert.Single(listeners, l => (int)l.Properties["Port"]! == 443).Properties;
        Assert.Equal("HTTPS", (string)https["Protocol"]!);
        Assert.Equal(CdnPulseStack.CertificateArnParameter, Ref(https["Certificates"]![0]!["CertificateArn"]));
        Assert.Equal("fixed-response", (string)https["DefaultActions"]![0]!["Type"]!);
        var http = Assert.Single(listeners, l => (int)l.Properties["Port"]! == 80).Properties;
        Assert.Equal("redirect", (string)http["DefaultActions"]![0]!["Type"]!);
        Assert.Equal("HTTPS", (string)http["DefaultActions"]![0]!["RedirectConfig"]!["Protocol"]!);
    }
}
