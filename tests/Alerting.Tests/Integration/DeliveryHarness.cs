using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CdnPulse.Alerting.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace CdnPulse.Alerting.Tests.Integration;

/// <summary>The webhook delivery worker on a real database, with fast retries, and a local receiver.</summary>
internal sealed class DeliveryHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _measured = new();

    private DeliveryHarness(NpgsqlDataSource dataSource, WebhookReceiver receiver, WebhookOptions options)
    {
        DataSource = dataSource;
        Receiver = receiver;
        Options = options;
        var services = new ServiceCollection();
        services.AddHttpClient(WebhookDeliveryWorker.HttpClientName, c => c.Timeout = options.Timeout);
        services.AddMetrics();
        services.AddSingleton<AlertingTelemetry>();
        _services = services.BuildServiceProvider();
        // Only this harness's meter: its factory is the meter's scope.
        var meterFactory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == meterFactory)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var outcome = tags.ToArray().FirstOrDefault(t => t.Key == "cdnpulse.webhook.outcome").Value;
            _measured.AddOrUpdate(outcome is null ? instrument.Name : $"{instrument.Name}:{outcome}", value, (_, sum) => sum + value);
        });
        _listener.Start();
        Deliveries = new DeliveryStore(dataSource);
        Subscriptions = new SubscriptionStore(dataSource);
        Worker = new WebhookDeliveryWorker(Deliveries, Subscriptions, _services.GetRequiredService<IHttpClientFactory>(), Signal,
            _services.GetRequiredService<AlertingTelemetry>(), Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System, NullLogger<WebhookDeliveryWorker>.Instance);
    }

    public NpgsqlDataSource DataSource { get; }

    public WebhookReceiver Receiver { get; }

    public WebhookOptions Options { get; }

    public DeliveryStore Deliveries { get; }

    public SubscriptionStore Subscriptions { get; }

    public DeliveryOutboxSignal Signal { get; } = new();

    public WebhookDeliveryWorker Worker { get; }

    public static async Task<DeliveryHarness> StartAsync(PostgresFixture postgres, int maxAttempts = 4)
    {
        var options = new WebhookOptions
        {
            MaxAttempts = maxAttempts,
            InitialBackoff = TimeSpan.FromMilliseconds(100),
            MaxBackoff = TimeSpan.FromMilliseconds(400),
            Timeout = TimeSpan.FromSeconds(20),
            PollInterval = TimeSpan.FromMilliseconds(50),
            MaxConcurrency = 4,
        };
        var harness = new DeliveryHarness(await postgres.CreateDatabaseAsync(), await WebhookReceiver.StartAsync(), options);
        await harness.Worker.StartAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>A subscription to a path of the local receiver; returns its secret.</summary>
    public async Task<string> SubscribeAsync(string name, string path = "/hook")
    {
        var secret = WebhookSignature.NewSecret();
        Assert.True(await Subscriptions.CreateAsync(new Subscription(name, Receiver.Url(path), DateTimeOffset.UtcNow), secret, CancellationToken.None));
        return secret;
    }

    /// <summary>An outbox row as a state change writes it.</summary>
    public async Task EnqueueAsync(string alarm, long version, string target, string status = DeliveryStatus.Pending, int attempts = 0,
        DateTimeOffset? leaseUntil = null)
    {
        await using var command = DataSource.CreateCommand("""
            insert into alerting.deliveries (stream_id, version, alarm_name, target, new_state, payload, status, attempts, next_attempt_at, lease_until, created_at)
            values ($1, $2, $3, $4, 'ALARM', $5, $6, $7, now(), $8, now())
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = "alarm:" + alarm });
        command.Parameters.Add(new NpgsqlParameter { Value = version });
        command.Parameters.Add(new NpgsqlParameter { Value = alarm });
        command.Parameters.Add(new NpgsqlParameter { Value = target });
        command.Parameters.Add(new NpgsqlParameter { Value = $$"""{"AlarmName":"{{alarm}}","NewStateValue":"ALARM","Version":{{version}}}""" });
        command.Parameters.Add(new NpgsqlParameter { Value = status });
        command.Parameters.Add(new NpgsqlParameter { Value = attempts });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)leaseUntil ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync();
        Signal.Signal();
    }

    public async Task<Delivery> DeliveryAsync(string alarm, long version, string target) =>
        (await Deliveries.QueryAsync(new DeliveryQuery(alarm, target, null, 100, null), CancellationToken.None))
        .Single(d => d.IdempotencyKey == $"alarm:{alarm}/{version}");

    public async Task<Delivery> UntilAsync(string alarm, long version, string target, string status) =>
        await Eventually.ReturnsAsync(async () =>
        {
            var delivery = await DeliveryAsync(alarm, version, target);
            return delivery.Status == status ? delivery : null;
        }, $"delivery {alarm}/{version} to {target} is {status}", TimeSpan.FromSeconds(20),
            () => string.Join(" | ", Receiver.Received.Select(r => $"{r.Path} {r.IdempotencyKey} {r.Status}")));

    /// <summary>The sum of a counter of the worker's meter; <c>name:outcome</c> for a counter with an outcome.</summary>
    public long Measured(string counter) => _measured.GetValueOrDefault(counter);

    /// <summary>Waits until each counter has its expected sum (the worker counts right after it records the attempt).</summary>
    public async Task UntilMeasuredAsync(params (string Counter, long Expected)[] expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!expected.All(e => Measured(e.Counter) == e.Expected))
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Equal(expected.Select(e => $"{e.Counter}={e.Expected}"), expected.Select(e => $"{e.Counter}={Measured(e.Counter)}"));
            }
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Worker.StopAsync(CancellationToken.None);
        _listener.Dispose();
        await Receiver.DisposeAsync();
        await _services.DisposeAsync();
        await DataSource.DisposeAsync();
        Signal.Dispose();
    }
}
