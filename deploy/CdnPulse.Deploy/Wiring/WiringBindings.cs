using EcsSecret = Amazon.CDK.AWS.ECS.Secret;

namespace CdnPulse.Deploy.Wiring;

/// <summary>What the model's references mean on AWS.</summary>
/// <param name="ConnectionStrings">Resource name to the Secrets Manager secret holding its whole connection string.</param>
/// <param name="Parameters">Parameter name to the secret (or JSON field of one) holding its value.</param>
/// <param name="LocalOnlyResources">Resources with no connection string on AWS (kinesis: the SDK finds the regional endpoint).</param>
internal sealed record WiringBindings(
    IReadOnlyDictionary<string, EcsSecret> ConnectionStrings,
    IReadOnlyDictionary<string, EcsSecret> Parameters,
    IReadOnlySet<string> LocalOnlyResources);
