using CdnPulse.Hosting;

namespace CdnPulse.Deploy.Wiring;

/// <summary>The third rendering of <see cref="SystemModel"/> (after the local run and aspire-manifest.json): markers that
/// <see cref="ServiceWiring"/> turns into ECS secrets.</summary>
internal sealed class MarkerValueResolver : IValueResolver
{
    public string ConnectionString(string resource) => new WiredValue(WiredValueKind.ConnectionString, resource).Encode();

    public string Parameter(string name) => new WiredValue(WiredValueKind.Parameter, name).Encode();

    public string ServiceUrl(string service) => new WiredValue(WiredValueKind.ServiceUrl, service).Encode();

    // As in aspire-manifest.json: data shipped in the image sits beside the app, relative to its working directory.
    public string RepositoryPath(string relativePath) => relativePath;
}
