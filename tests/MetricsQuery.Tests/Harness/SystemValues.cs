using CdnPulse.Hosting;

namespace CdnPulse.MetricsQuery.Tests.Harness;

/// <summary>The running system's values, for starting one more MetricsQuery process with settings of its own.</summary>
internal sealed class SystemValues(CdnPulseSystem system) : IValueResolver
{
    public string ConnectionString(string resource) => resource switch
    {
        SystemModel.Events => system.EventsConnectionString,
        SystemModel.Messaging => system.Messaging!.ConnectionString,
        _ => throw new ArgumentOutOfRangeException(nameof(resource), resource, "Not used by MetricsQuery."),
    };

    public string Parameter(string name) => name == SystemModel.ApiKeyParameter
        ? system.ApiKey
        : throw new ArgumentOutOfRangeException(nameof(name), name, "Not used by MetricsQuery.");

    public string ServiceUrl(string service) => system.ServiceUrl(service);

    public string RepositoryPath(string relativePath) => Path.Combine(RepositoryPaths.Root, relativePath);

    /// <summary>Starts MetricsQuery as the AppHost would, plus <paramref name="settings"/>, and waits until it is healthy.</summary>
    public static async Task<ServiceProcess> StartMetricsQueryAsync(CdnPulseSystem system, string name, IResourceLog log,
        IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var definition = SystemModel.Services.Single(s => s.Name == SystemModel.MetricsQuery);
        var custom = definition with
        {
            Name = name,
            Environment = r => new Dictionary<string, string>(definition.Environment(r)).Concat(settings).GroupBy(kv => kv.Key)
                .ToDictionary(g => g.Key, g => g.Last().Value),
        };
        var process = ServiceProcess.Start(custom, new SystemValues(system), log, new Dictionary<string, string?>());
        try
        {
            await process.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90), cancellationToken);
            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }
}
