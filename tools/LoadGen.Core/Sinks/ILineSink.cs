using CdnPulse.LoadGen.Running;

namespace CdnPulse.LoadGen.Sinks;

/// <summary>Where generated lines go. <see cref="DeliverAsync"/> returns once every record of the batch is acknowledged.</summary>
public interface ILineSink : IAsyncDisposable
{
    /// <summary>file, kinesis or firehose.</summary>
    string Name { get; }

    /// <summary>Most records one delivery may carry.</summary>
    int MaxRecordsPerBatch { get; }

    /// <summary>Deliveries that may be in flight at once (1 where order matters, as in a file).</summary>
    int MaxConcurrency { get; }

    /// <exception cref="DeliveryException">The records could not be delivered, even after retries.</exception>
    Task DeliverAsync(LineBatch batch, RunCounters counters, CancellationToken cancellationToken);
}
