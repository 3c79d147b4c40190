namespace CdnPulse.Hosting;

/// <summary>
/// Resolves the values a service's environment refers to: live values when the system runs, Aspire manifest
/// expressions (<c>{events.connectionString}</c>) when it is published. One model, two renderings, no drift.
/// </summary>
public interface IValueResolver
{
    string ConnectionString(string resource);

    string Parameter(string name);

    string ServiceUrl(string service);

    string RepositoryPath(string relativePath);
}
