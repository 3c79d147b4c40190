using CdnPulse.Hosting;

namespace CdnPulse.Deploy.Wiring;

/// <summary>
/// Every service of <see cref="SystemModel"/> (so the AWS wiring follows aspire-manifest.json) and the load-balancer
/// paths of the public ones. A service that adds a top-level path adds it here too, or it is unreachable on AWS.
/// </summary>
public static class DeployedServices
{
    private static readonly Dictionary<string, (string[] Paths, int Priority)> Routes = new(StringComparer.Ordinal)
    {
        [SystemModel.Ingest] = (["/firehose*", "/lambda-edge*", "/rejects*"], 10),
        [SystemModel.MetricsQuery] = (["/metric*", "/prod/metric*", "/api/*", "/openapi/*", "/dashboard*"], 20),
        [SystemModel.Alerting] = (["/alarms*", "/alarm-history*", "/subscriptions*", "/deliveries*", "/dead-letters*"], 30),
    };

    public static IReadOnlyList<DeployedService> All { get; } =
        [.. SystemModel.Services.Select(d => Routes.TryGetValue(d.Name, out var route)
            ? new DeployedService(d, route.Paths, route.Priority)
            : new DeployedService(d, [], 0))];

    public static ServiceDefinition Migrations => SystemModel.MigrationsStep;
}
