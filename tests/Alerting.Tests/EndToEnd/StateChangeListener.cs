using System.Collections.Concurrent;
using CdnPulse.Contracts;
using MassTransit;

namespace CdnPulse.Alerting.Tests.EndToEnd;

/// <summary>A bus client of its own that collects every AlarmStateChanged published on RabbitMQ, as any service could.</summary>
internal sealed class StateChangeListener : IAsyncDisposable
{
    private readonly IBusControl _bus;

    private StateChangeListener(IBusControl bus) => _bus = bus;

    public ConcurrentQueue<AlarmStateChanged> Received { get; } = new();

    public static async Task<StateChangeListener> StartAsync(string amqpUri, CancellationToken cancellationToken)
    {
        StateChangeListener? listener = null;
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(amqpUri));
            cfg.ReceiveEndpoint("alerting-tests-alarm-state-changed", e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.Handler<AlarmStateChanged>(context =>
                {
                    listener!.Received.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
            });
        });
        listener = new StateChangeListener(bus);
        await bus.StartAsync(cancellationToken);
        return listener;
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
