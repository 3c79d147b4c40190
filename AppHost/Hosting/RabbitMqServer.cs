namespace CdnPulse.Hosting;

/// <summary>
/// A private RabbitMQ node: its own epmd (started by us, so we hold its PID), its own node name, cookie, ports and
/// folders, every listener on 127.0.0.1. The beam PID comes from the node's PID file; stopping kills beam, then
/// epmd, so nothing is left running.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    public const string ResourceName = "messaging";

    private readonly ManagedProcess _epmd;
    private readonly ManagedProcess _launcher;
    private readonly string _pidFile;

    private RabbitMqServer(ManagedProcess epmd, ManagedProcess launcher, string pidFile, int amqpPort, int managementPort)
    {
        _epmd = epmd;
        _launcher = launcher;
        _pidFile = pidFile;
        AmqpPort = amqpPort;
        ManagementPort = managementPort;
    }

    public int AmqpPort { get; }

    public int ManagementPort { get; }

    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{AmqpPort}/";

    public string ManagementUrl => $"http://127.0.0.1:{ManagementPort}/";

    /// <summary>The PID of this node's own epmd (started by us, stopped with the node).</summary>
    public int EpmdPid => _epmd.Pid;

    public static async Task<RabbitMqServer> StartAsync(string stateDirectory, IResourceLog log, CancellationToken cancellationToken, bool management = true)
    {
        var server = Prerequisites.RabbitMqServer();
        var epmdPath = Prerequisites.Epmd();
        var folder = Path.Combine(stateDirectory, "rabbitmq");
        foreach (var sub in new[] { "mnesia", "log", "home" })
        {
            Directory.CreateDirectory(Path.Combine(folder, sub));
        }
        int amqpPort = FreePorts.Next(), managementPort = FreePorts.Next(), distPort = FreePorts.Next(), epmdPort = FreePorts.Next();
        var nodeName = $"cdnpulse{amqpPort}@localhost";
        await File.WriteAllTextAsync(Path.Combine(folder, "rabbitmq.conf"),
            $"""
            listeners.tcp.default = 127.0.0.1:{amqpPort}
            management.tcp.ip = 127.0.0.1
            management.tcp.port = {managementPort}
            loopback_users = none
            log.console = true
            log.console.level = warning
            log.file = false
            """, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "enabled_plugins"), management ? "[rabbitmq_management].\n" : "[].\n", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "rabbitmq-env.conf"), "", cancellationToken);
        var pidFile = Path.Combine(folder, "rabbit.pid");

        var environment = new Dictionary<string, string?>
        {
            ["HOME"] = Path.Combine(folder, "home"),
            ["RABBITMQ_NODENAME"] = nodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = amqpPort.ToString(),
            ["RABBITMQ_DIST_PORT"] = distPort.ToString(),
            ["ERL_EPMD_PORT"] = epmdPort.ToString(),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(folder, "rabbitmq.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins"),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(folder, "rabbitmq-env.conf"),
            ["RABBITMQ_PID_FILE"] = pidFile,
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
        };

        // Our own epmd in the foreground: the node registers with it instead of spawning a daemon we could not track.
        var epmd = ManagedProcess.Start("epmd", epmdPath, ["-port", epmdPort.ToString(), "-address", "127.0.0.1"], log,
            new Dictionary<string, string?> { ["ERL_EPMD_ADDRESS"] = "127.0.0.1" }, gracePeriod: TimeSpan.FromSeconds(2));
        ManagedProcess? launcher = null;
        try
        {
            await FreePorts.WaitForListenerAsync(epmdPort, TimeSpan.FromSeconds(10), () => !epmd.HasExited, "epmd", cancellationToken);
            launcher = ManagedProcess.Start(ResourceName, server, [], log, environment, folder, TimeSpan.FromSeconds(15));
            var rabbit = new RabbitMqServer(epmd, launcher, pidFile, amqpPort, managementPort);
            await FreePorts.WaitForListenerAsync(amqpPort, TimeSpan.FromSeconds(60), () => !launcher.HasExited, ResourceName, cancellationToken);
            if (management)
            {
                await FreePorts.WaitForListenerAsync(managementPort, TimeSpan.FromSeconds(30), () => !launcher.HasExited, ResourceName, cancellationToken);
            }
            return rabbit;
        }
        catch
        {
            if (launcher is not null)
            {
                await new RabbitMqServer(epmd, launcher, pidFile, amqpPort, managementPort).DisposeAsync();
            }
            else
            {
                await epmd.DisposeAsync();
            }
            throw;
        }
    }

    /// <summary>The PID of the Erlang VM (beam.smp), read from the node's PID file.</summary>
    public int? BeamPid =>
        File.Exists(_pidFile) && int.TryParse(File.ReadAllText(_pidFile).Trim(), out var pid) ? pid : null;

    public async ValueTask DisposeAsync()
    {
        if (BeamPid is { } beam && Signals.IsAlive(beam))
        {
            Signals.Send(beam, Signals.SigTerm);
            if (!await Signals.WaitForExitAsync(beam, TimeSpan.FromSeconds(10)))
            {
                Signals.Send(beam, Signals.SigKill);
                await Signals.WaitForExitAsync(beam, TimeSpan.FromSeconds(5));
            }
        }
        await _launcher.DisposeAsync();
        await _epmd.DisposeAsync();
    }
}
