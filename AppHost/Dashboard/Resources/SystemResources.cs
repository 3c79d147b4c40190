using System.Collections.Concurrent;
using System.Diagnostics;
using CdnPulse.Hosting;

namespace CdnPulse.Dashboard.Resources;

/// <summary>
/// The resources of the running system, as the AppHost started them. Until <see cref="Attach"/>, the model's
/// resources are listed as starting; afterwards their state comes from the processes and their health from
/// <see cref="ResourceMonitor"/>'s probes.
/// </summary>
public sealed class SystemResources
{
    private readonly ConcurrentDictionary<string, string> _health = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<CdnPulseSystem> _attached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile CdnPulseSystem? _system;

    public CdnPulseSystem? System => _system;

    /// <summary>Completes with the system once it is attached.</summary>
    public Task<CdnPulseSystem> Attached => _attached.Task;

    public void Attach(CdnPulseSystem system)
    {
        _system = system;
        _attached.TrySetResult(system);
    }

    public void SetHealth(string resource, string health) => _health[resource] = health;

    public IReadOnlyList<ResourceView> Snapshot()
    {
        var system = _system;
        if (system is null)
        {
            return
            [
                Starting(PostgresServer.ResourceName, "postgres"),
                Starting(SystemModel.Messaging, "rabbitmq"),
                Starting(SystemModel.Kinesis, "kinesis"),
                Starting(SystemModel.Migrations, "project"),
                .. SystemModel.Services.Select(s => Starting(s.Name, "project")),
            ];
        }
        var views = new List<ResourceView>();
        if (system.Postgres is { } postgres)
        {
            views.Add(Server(PostgresServer.ResourceName, "postgres", SafePid(() => postgres.Pid), [$"tcp://127.0.0.1:{postgres.Port} (database {SystemModel.Events})"]));
        }
        if (system.Messaging is { } messaging)
        {
            views.Add(Server(SystemModel.Messaging, "rabbitmq", messaging.BeamPid,
                [$"amqp://127.0.0.1:{messaging.AmqpPort}/", $"{messaging.ManagementUrl} (management)"]));
        }
        if (system.Kinesis is { } kinesis)
        {
            views.Add(Server(SystemModel.Kinesis, "kinesis", SafePid(() => kinesis.Pid), [$"{kinesis.ServiceUrl} (stream {SystemModel.StreamName})"]));
        }
        views.Add(new ResourceView(SystemModel.Migrations, "project", "Finished", ResourceHealth.Healthy, [], null, 0));
        foreach (var service in system.Services.Values)
        {
            var exited = service.HasExited;
            views.Add(new ResourceView(service.Name, "project", exited ? "Exited" : "Running",
                exited ? ResourceHealth.Unhealthy : Health(service.Name), service.Url is null ? [] : [service.Url],
                SafePid(() => service.Pid), exited ? service.ExitCode : null));
        }
        return views;
    }

    private ResourceView Server(string name, string type, int? pid, IReadOnlyList<string> endpoints)
    {
        var running = pid is { } id && IsAlive(id);
        return new ResourceView(name, type, running ? "Running" : "Exited", running ? Health(name) : ResourceHealth.Unhealthy, endpoints, pid, null);
    }

    private string Health(string name) => _health.TryGetValue(name, out var health) ? health : ResourceHealth.Unknown;

    private static ResourceView Starting(string name, string type) => new(name, type, "Starting", ResourceHealth.Unknown, [], null, null);

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static int? SafePid(Func<int> pid)
    {
        try
        {
            return pid();
        }
        catch (InvalidOperationException)
        {
            // The process object was disposed while the system stops.
            return null;
        }
    }
}
