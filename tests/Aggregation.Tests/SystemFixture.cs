using CdnPulse.Hosting;
using MassTransit;
using Npgsql;

namespace CdnPulse.Aggregation.Tests;

/// <summary>
/// The whole system (Ingest, Enrichment, Aggregation, MetricsQuery on real PostgreSQL, RabbitMQ and kinesalite),
/// started once for every test class of this assembly, with Ingest reading time-to-first-byte too. Besides the
/// public interfaces, tests get the events database (to dump tables, rebuild) and a bus (to redeliver a batch).
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public RecordingResourceLog Log { get; } = new(capacityPerResource: 2000);

    public CdnPulseSystem System { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public NpgsqlDataSource Events { get; private set; } = null!;

    public IBusControl Bus { get; private set; } = null!;

    public MetricApi Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        // Child processes inherit this process's environment: the one way to hand Ingest its field list.
        Environment.SetEnvironmentVariable("Ingest__LogFields", LogFormat.Fields);
        var services = new[] { SystemModel.Ingest, SystemModel.Enrichment, SystemModel.Aggregation, SystemModel.MetricsQuery };
        try
        {
            System = await CdnPulseSystem.StartAsync(new SystemOptions { Log = Log, SampleTraffic = false, KinesisShards = 2, Services = services }, timeout.Token);
        }
        catch (ResourceStartException ex)
        {
            throw new InvalidOperationException(ex.Message + " Logs: " + string.Join(" | ", services.SelectMany(s => Log.Tail(s, 8).Select(l => $"{s}: {l}"))), ex);
        }
        Events = NpgsqlDataSource.Create(System.EventsConnectionString);
        Bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(new Uri(System.Messaging!.ConnectionString)));
        await Bus.StartAsync(timeout.Token);
        Api = new MetricApi(Http, System.ServiceUrl(SystemModel.MetricsQuery), System.ApiKey);
    }

    public async Task DisposeAsync()
    {
        if (Bus is not null)
        {
            await Bus.StopAsync();
        }
        if (Events is not null)
        {
            await Events.DisposeAsync();
        }
        Http.Dispose();
        if (System is not null)
        {
            await System.DisposeAsync();
        }
    }

    /// <summary>The last log lines of the pipeline's services (Aggregation's most), for failure messages.</summary>
    public string AggregationLog(int lines = 15) => string.Join(" | ",
        Log.Tail(SystemModel.Aggregation, lines).Select(l => $"aggregation: {l}")
            .Concat(new[] { SystemModel.Ingest, SystemModel.Enrichment }.SelectMany(s => Log.Tail(s, 5).Select(l => $"{s}: {l}"))));
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "system";
}
