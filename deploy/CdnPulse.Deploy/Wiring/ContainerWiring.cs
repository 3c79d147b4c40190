using EcsSecret = Amazon.CDK.AWS.ECS.Secret;

namespace CdnPulse.Deploy.Wiring;

/// <summary>A container's plain environment and its secrets (injected by ECS from Secrets Manager, never in the template).</summary>
public sealed record ContainerWiring(IReadOnlyDictionary<string, string> Environment, IReadOnlyDictionary<string, EcsSecret> Secrets);
