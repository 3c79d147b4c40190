using CdnPulse.Deploy.Components;
using CdnPulse.Hosting;
using EcsSecret = Amazon.CDK.AWS.ECS.Secret;

namespace CdnPulse.Deploy.Wiring;

/// <summary>Turns a service's environment from <see cref="SystemModel"/> into ECS environment variables and secrets.</summary>
internal static class ServiceWiring
{
    /// <summary>
    /// Connection strings and parameters become secrets; other values stay plain; <paramref name="overrides"/> replace or
    /// add plain values (the stream's real name, the region). A reference with no AWS meaning fails the synth.
    /// </summary>
    public static ContainerWiring Wire(ServiceDefinition definition, WiringBindings bindings, IReadOnlyDictionary<string, string> overrides)
    {
        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["OTEL_SERVICE_NAME"] = definition.Name,
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES"] = "true",
        };
        if (definition.HasHttpEndpoint)
        {
            environment["ASPNETCORE_URLS"] = $"http://+:{FargateApp.ContainerPort}";
        }
        var secrets = new SortedDictionary<string, EcsSecret>(StringComparer.Ordinal);
        foreach (var (key, value) in definition.Environment(new MarkerValueResolver()))
        {
            if (overrides.ContainsKey(key))
            {
                continue;
            }
            if (!WiredValue.TryDecode(key, value, out var wired))
            {
                environment[key] = value;
                continue;
            }
            switch (wired.Kind)
            {
                case WiredValueKind.ConnectionString when bindings.LocalOnlyResources.Contains(wired.Name):
                    break;
                case WiredValueKind.ConnectionString when bindings.ConnectionStrings.TryGetValue(wired.Name, out var secret):
                    secrets[key] = secret;
                    break;
                case WiredValueKind.Parameter when bindings.Parameters.TryGetValue(wired.Name, out var secret):
                    secrets[key] = secret;
                    break;
                default:
                    throw new InvalidOperationException(
                        $"{definition.Name}: {key} refers to {wired.Kind} '{wired.Name}', which the AWS deployment does not provide; bind it in CdnPulseStack.");
            }
        }
        foreach (var (key, value) in overrides)
        {
            environment[key] = value;
        }
        return new ContainerWiring(environment, secrets);
    }
}
