using CdnPulse.Hosting;

namespace CdnPulse.Deploy.Wiring;

/// <summary>A service as deployed: its model definition and the load-balancer paths routed to it (none for workers).</summary>
public sealed record DeployedService(ServiceDefinition Definition, IReadOnlyList<string> RoutePaths, int ListenerPriority)
{
    public string Name => Definition.Name;

    public bool IsPublic => RoutePaths.Count > 0;
}
