using System.Diagnostics;

namespace CdnPulse.Hosting;

/// <summary>A built CdnPulse project run as its own process on a free port, healthy once <c>/health</c> answers 200.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(2) };

    private readonly ServiceDefinition _definition;
    private readonly IReadOnlyDictionary<string, string?> _environment;
    private readonly IResourceLog _log;
    private ManagedProcess _process;

    private ServiceProcess(ServiceDefinition definition, ManagedProcess process, IReadOnlyDictionary<string, string?> environment, IResourceLog log, string? url)
    {
        _definition = definition;
        _process = process;
        _environment = environment;
        _log = log;
        Url = url;
    }

    public string Name => _definition.Name;

    public string? Url { get; }

    public int Pid => _process.Pid;

    public bool HasExited => _process.HasExited;

    public int? ExitCode => _process.ExitCode;

    /// <summary>Starts the service with its environment plus <paramref name="telemetry"/>, the OTEL_* variables of <see cref="SystemOptions.TelemetryEnvironment"/>.</summary>
    public static ServiceProcess Start(ServiceDefinition definition, IValueResolver resolver, IResourceLog log, IReadOnlyDictionary<string, string?> telemetry)
    {
        string? url = definition.HasHttpEndpoint ? $"http://127.0.0.1:{FreePorts.Next()}" : null;
        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["OTEL_SERVICE_NAME"] = definition.Name,
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning",
            ["Logging__LogLevel__MassTransit"] = "Warning",
        };
        foreach (var (key, value) in telemetry)
        {
            environment[key] = value;
        }
        if (url is not null)
        {
            environment["ASPNETCORE_URLS"] = url;
        }
        foreach (var (key, value) in definition.Environment(resolver))
        {
            environment[key] = value;
        }
        var process = Launch(definition, environment, log);
        return new ServiceProcess(definition, process, environment, log, url);
    }

    /// <summary>Runs a one-shot step (the schema set-up) to completion.</summary>
    public static Task RunToCompletionAsync(ServiceDefinition definition, IValueResolver resolver, IResourceLog log, CancellationToken cancellationToken)
    {
        var environment = definition.Environment(resolver).ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        return ManagedProcess.RunToCompletionAsync(definition.Name, "dotnet",
            [BuildConfiguration.AssemblyPath(definition), .. definition.Arguments], log, TimeSpan.FromMinutes(2), cancellationToken, environment);
    }

    public async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (Url is null)
        {
            return;
        }
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new ResourceStartException(Name, $"exited with code {_process.ExitCode} before it was healthy");
            }
            try
            {
                using var response = await Probe.GetAsync(Url + "/health", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
            }
            if (deadline.Elapsed > timeout)
            {
                throw new ResourceStartException(Name, $"was not healthy at {Url}/health within {timeout.TotalSeconds:0} s");
            }
            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>SIGKILL, as a crash would (for failure tests).</summary>
    public void Kill() => _process.Kill();

    /// <summary>Starts the process again with the same port and environment (after <see cref="Kill"/>).</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await _process.DisposeAsync();
        _process = Launch(_definition, _environment, _log);
        await WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), cancellationToken);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static ManagedProcess Launch(ServiceDefinition definition, IReadOnlyDictionary<string, string?> environment, IResourceLog log)
    {
        var assembly = BuildConfiguration.AssemblyPath(definition);
        return ManagedProcess.Start(definition.Name, "dotnet", [assembly, .. definition.Arguments], log, environment,
            Path.GetDirectoryName(assembly), TimeSpan.FromSeconds(15));
    }
}
