using System.Security.Cryptography;
using CdnPulse.Hosting;
using CdnPulse.Kinesis;
using CdnPulse.ServiceDefaults.ApiKeys;
using MassTransit;
using Npgsql;

namespace CdnPulse.Ingest.Tests;

/// <summary>
/// Real PostgreSQL (with Ingest's schema), RabbitMQ and kinesalite, started once for the integration tests through
/// the AppHost's hosting library, plus a bus on the test's own queue that records every LogBatchReceived. Ingest runs
/// as real processes started from here (<see cref="StartIngestAsync"/>), so a test can kill one with SIGKILL.
/// </summary>
public sealed class ServersFixture : IAsyncLifetime
{
    private readonly string _stateDirectory = RepositoryPaths.NewStateDirectory("ingest-tests");
    private readonly List<IAsyncDisposable> _started = [];
    private readonly Lazy<Task<ServiceProcess>> _httpIngest;
    private IBusControl? _bus;

    public ServersFixture() => _httpIngest = new(() => StartIngestAsync("ingest-http", "not-read", new Dictionary<string, string>
    {
        ["Ingest__ReadKinesis"] = "false",
        ["Firehose__MaxBodyBytes"] = HttpBodyLimit.ToString(),
        ["FirehoseTransform__MaxBodyBytes"] = HttpBodyLimit.ToString(),
        ["LambdaEdge__MaxBodyBytes"] = HttpBodyLimit.ToString(),
    }));

    /// <summary>The body limit of the shared HTTP instance: small, so the 413 tests send little.</summary>
    public const int HttpBodyLimit = 256 * 1024;

    public RecordingResourceLog Log { get; } = new();

    public BusRecorder Received { get; } = new();

    public PostgresServer Postgres { get; private set; } = null!;

    public RabbitMqServer Messaging { get; private set; } = null!;

    public KinesisServer Kinesis { get; private set; } = null!;

    public NpgsqlDataSource Database { get; private set; } = null!;

    public string ApiKey { get; } = NewKey();

    public string FirehoseAccessKey { get; } = NewKey();

    public string IpDataFolder { get; } = TestIpData.CreateFolder();

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var postgres = Track(PostgresServer.StartAsync(_stateDirectory, Log, timeout.Token));
        var messaging = Track(RabbitMqServer.StartAsync(_stateDirectory, Log, timeout.Token, management: false));
        var kinesis = Track(KinesisServer.StartAsync(RepositoryPaths.Root, Log, timeout.Token));
        (Postgres, Messaging, Kinesis) = (await postgres, await messaging, await kinesis);

        await Postgres.CreateDatabaseAsync("events", timeout.Token);
        Database = NpgsqlDataSource.Create(Postgres.ConnectionString("events"));
        await IngestSchema.ApplyAsync(Database, timeout.Token);
        await ApiKeySchema.ApplyAsync(Database, timeout.Token);

        _bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(Messaging.ConnectionString));
            cfg.ReceiveEndpoint($"ingest-tests-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.PrefetchCount = 100;
                // One at a time: the recorder sees messages in queue order, which the "nothing more arrived" checks rely on.
                endpoint.ConcurrentMessageLimit = 1;
                endpoint.Consumer(() => new RecordingConsumer(Received));
            });
        });
        await _bus.StartAsync(timeout.Token);
    }

    /// <summary>One Ingest process that does not read Kinesis, for the HTTP endpoint tests; started on first use.</summary>
    public async Task<string> HttpIngestUrlAsync() => (await _httpIngest.Value).Url!;

    /// <summary>The test's bus, for in-process publishers.</summary>
    public IBus Bus => _bus ?? throw new InvalidOperationException("The bus has not started.");

    public KinesisClient CreateKinesisClient() => KinesisClient.Create(new KinesisOptions { ServiceUrl = Kinesis.ServiceUrl });

    /// <summary>Starts an Ingest process and waits until it is healthy; the caller disposes (stops) it.</summary>
    public async Task<ServiceProcess> StartIngestAsync(string name, string stream, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__events"] = Postgres.ConnectionString("events"),
            ["ConnectionStrings__messaging"] = Messaging.ConnectionString,
            ["Kinesis__ServiceUrl"] = Kinesis.ServiceUrl,
            ["Kinesis__Region"] = KinesisOptions.DefaultRegion,
            ["Kinesis__StreamName"] = stream,
            ["Firehose__AccessKey"] = FirehoseAccessKey,
            ["Auth__ApiKeys__0"] = ApiKey,
            ["IpData__Folder"] = IpDataFolder,
            ["Ingest__InstanceId"] = name,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        var definition = new ServiceDefinition(name, "services/Ingest/CdnPulse.Ingest.csproj", [], [], _ => environment);
        var process = ServiceProcess.Start(definition, NoValues.Instance, Log, new Dictionary<string, string?>());
        try
        {
            await process.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), CancellationToken.None);
        }
        catch (ResourceStartException ex)
        {
            await process.DisposeAsync();
            throw new InvalidOperationException($"{ex.Message}{Environment.NewLine}{string.Join(Environment.NewLine, Log.Tail(name, 30))}", ex);
        }
        return process;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_httpIngest.IsValueCreated && _httpIngest.Value.IsCompletedSuccessfully)
        {
            await _httpIngest.Value.Result.DisposeAsync();
        }
        if (_bus is not null)
        {
            await _bus.StopAsync(CancellationToken.None);
        }
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
        NpgsqlConnection.ClearAllPools();
        List<IAsyncDisposable> servers;
        lock (_started)
        {
            servers = [.. _started];
        }
        await Task.WhenAll(servers.Select(s => s.DisposeAsync().AsTask()));
        foreach (var folder in new[] { _stateDirectory, IpDataFolder })
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A server may still release its files; the state folder sits under the ignored .cdnpulse/.
            }
        }
    }

    private static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Remembers a server as soon as it is up, so a failure of another still stops it.</summary>
    private async Task<T> Track<T>(Task<T> start) where T : IAsyncDisposable
    {
        var server = await start;
        lock (_started)
        {
            _started.Add(server);
        }
        return server;
    }

    /// <summary>The Ingest processes get literal settings; nothing is resolved through the system model.</summary>
    private sealed class NoValues : IValueResolver
    {
        public static readonly NoValues Instance = new();

        public string ConnectionString(string resource) => throw new NotSupportedException();

        public string Parameter(string name) => throw new NotSupportedException();

        public string ServiceUrl(string service) => throw new NotSupportedException();

        public string RepositoryPath(string relativePath) => throw new NotSupportedException();
    }
}
