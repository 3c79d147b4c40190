using CdnPulse.Contracts;
using MassTransit;

namespace CdnPulse.Ingest.Tests;

/// <summary>Records what arrives on the test's own queue.</summary>
public sealed class RecordingConsumer(BusRecorder recorder) : IConsumer<LogBatchReceived>
{
    public Task Consume(ConsumeContext<LogBatchReceived> context)
    {
        recorder.Add(context.Message);
        return Task.CompletedTask;
    }
}
