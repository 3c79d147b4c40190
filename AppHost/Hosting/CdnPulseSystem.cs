using System.Diagnostics;
using CdnPulse.Kinesis;

namespace CdnPulse.Hosting;

/// <summary>
/// The whole system on this machine: PostgreSQL, RabbitMQ and kinesalite as private processes, the Kinesis stream,
/// the schema step, then every service with its connection strings injected, each awaited until healthy. Disposing
/// stops everything it started, services first, by PID.
/// </summary>
public sealed class CdnPulseSystem : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _started = [];
    private readonly Dictionary<string, ServiceProcess> _services = new(StringComparer.Ordinal);
    private readonly LiveValues _values;
    private SampleTraffic? _traffic;
    private bool _ownsStateDirectory;

    private CdnPulseSystem(SystemOptions options, string stateDirectory, string apiKey, string firehoseAccessKey)
    {
        Options = options;
        StateDirectory = stateDirectory;
        ApiKey = apiKey;
        FirehoseAccessKey = firehoseAccessKey;
        _values = new LiveValues(this);
    }

    public SystemOptions Options { get; }

    public string StateDirectory { get; }

    public string ApiKey { get; }

    public string FirehoseAccessKey { get; }

    public PostgresServer? Postgres { get; private set; }

    public RabbitMqServer? Messaging { get; private set; }

    public KinesisServer? Kinesis { get; private set; }

    public TimeSpan StartupTime { get; private set; }

    public IReadOnlyDictionary<string, ServiceProcess> Services => _services;

    public string EventsConnectionString => Postgres?.ConnectionString(SystemModel.Events) ?? throw new InvalidOperationException("PostgreSQL is not running.");

    public string ServiceUrl(string name) => _services.TryGetValue(name, out var service) && service.Url is not null
        ? service.Url
        : throw new InvalidOperationException($"Service '{name}' is not running.");

    public KinesisClient CreateKinesisClient() => KinesisClient.Create(new KinesisOptions
    {
        ServiceUrl = Kinesis?.ServiceUrl ?? throw new InvalidOperationException("Kinesis is not running."),
        Region = SystemModel.KinesisRegion,
        StreamName = SystemModel.StreamName,
    });

    public static async Task<CdnPulseSystem> StartAsync(SystemOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var state = options.StateDirectory ?? RepositoryPaths.NewStateDirectory("run");
        var system = new CdnPulseSystem(options, state, options.ApiKey ?? Secrets.NewApiKey(), Secrets.NewApiKey()) { _ownsStateDirectory = options.StateDirectory is null };
        try
        {
            await system.StartInfrastructureAsync(cancellationToken);
            await ServiceProcess.RunToCompletionAsync(SystemModel.MigrationsStep, system._values, options.Log, cancellationToken);
            await system.StartServicesAsync(cancellationToken);
            if (options.SampleTraffic)
            {
                system._traffic = SampleTraffic.Start(system.CreateKinesisClient(), SystemModel.StreamName, options.Log);
            }
            system.StartupTime = clock.Elapsed;
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    private async Task StartInfrastructureAsync(CancellationToken cancellationToken)
    {
        // The three servers start in parallel: RabbitMQ alone takes ~8 s, the others under 2 s.
        var postgres = PostgresServer.StartAsync(StateDirectory, Options.Log, cancellationToken);
        var messaging = RabbitMqServer.StartAsync(StateDirectory, Options.Log, cancellationToken);
        var kinesis = KinesisServer.StartAsync(RepositoryPaths.Root, Options.Log, cancellationToken);
        await Task.WhenAll(Track(postgres), Track(messaging), Track(kinesis)).ContinueWith(_ => { }, TaskScheduler.Default);
        Postgres = await postgres;
        Messaging = await messaging;
        Kinesis = await kinesis;
        await Postgres.CreateDatabaseAsync(SystemModel.Events, cancellationToken);
        using var client = CreateKinesisClient();
        await client.EnsureStreamAsync(SystemModel.StreamName, Options.KinesisShards, cancellationToken: cancellationToken);
    }

    /// <summary>Remembers a server as soon as it is up, so a failure of another still stops it.</summary>
    private async Task Track<T>(Task<T> start) where T : IAsyncDisposable
    {
        var server = await start;
        lock (_started)
        {
            _started.Add(server);
        }
    }

    private async Task StartServicesAsync(CancellationToken cancellationToken)
    {
        var wanted = SystemModel.Services.Where(s => Options.Services?.Contains(s.Name) ?? true).ToList();
        var telemetry = Options.TelemetryEnvironment();
        foreach (var definition in wanted)
        {
            var process = ServiceProcess.Start(definition, _values, Options.Log, telemetry);
            _services[definition.Name] = process;
        }
        await Task.WhenAll(_services.Values.Select(s => s.WaitUntilHealthyAsync(Options.HealthTimeout, cancellationToken)));
    }

    public async ValueTask DisposeAsync()
    {
        if (_traffic is not null)
        {
            await _traffic.DisposeAsync();
        }
        await Task.WhenAll(_services.Values.Select(s => s.DisposeAsync().AsTask()));
        _services.Clear();
        List<IAsyncDisposable> servers;
        lock (_started)
        {
            servers = [.. _started];
            _started.Clear();
        }
        await Task.WhenAll(servers.Select(s => s.DisposeAsync().AsTask()));
        if (_ownsStateDirectory)
        {
            try
            {
                Directory.Delete(StateDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A server that was killed may still be releasing its files; the folder is ignored by git.
            }
        }
    }

    private sealed class LiveValues(CdnPulseSystem system) : IValueResolver
    {
        public string ConnectionString(string resource) => resource switch
        {
            SystemModel.Events => system.EventsConnectionString,
            SystemModel.Messaging => system.Messaging!.ConnectionString,
            SystemModel.Kinesis => system.Kinesis!.ServiceUrl,
            _ => throw new ArgumentOutOfRangeException(nameof(resource), resource, "No such resource."),
        };

        public string Parameter(string name) => name switch
        {
            SystemModel.ApiKeyParameter => system.ApiKey,
            SystemModel.FirehoseAccessKeyParameter => system.FirehoseAccessKey,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such parameter."),
        };

        public string ServiceUrl(string service) => system.ServiceUrl(service);

        public string RepositoryPath(string relativePath) => Path.Combine(RepositoryPaths.Root, relativePath);
    }
}
