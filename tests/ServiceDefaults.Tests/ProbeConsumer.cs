using System.Collections.Concurrent;
using CdnPulse.ServiceDefaults.Tests.Messages;
using MassTransit;

namespace CdnPulse.ServiceDefaults.Tests;

public sealed class ProbeConsumer(ProbeLog log) : IConsumer<Probe>
{
    public Task Consume(ConsumeContext<Probe> context)
    {
        log.Attempts.AddOrUpdate(context.Message.Id, 1, (_, n) => n + 1);
        if (context.Message.Fail)
        {
            throw new InvalidOperationException("probe asked to fail");
        }
        log.Delivered[context.Message.Id] = context.ReceiveContext.InputAddress?.AbsolutePath ?? "";
        return Task.CompletedTask;
    }
}

public sealed class ProbeLog
{
    public ConcurrentDictionary<Guid, int> Attempts { get; } = new();

    public ConcurrentDictionary<Guid, string> Delivered { get; } = new();
}
