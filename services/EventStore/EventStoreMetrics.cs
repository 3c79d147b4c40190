using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CdnPulse.EventStore;

/// <summary>
/// Observable gauges on the <c>CdnPulse.EventStore</c> meter, one series per tracked daemon (tag
/// <c>eventstore.projection</c>): <c>cdnpulse.eventstore.projection.position</c> (its checkpoint) and
/// <c>cdnpulse.eventstore.projection.lag</c> (high-water mark minus checkpoint), as of the daemon's last step.
/// </summary>
public sealed class EventStoreMetrics
{
    public const string PositionInstrument = "cdnpulse.eventstore.projection.position";
    public const string LagInstrument = "cdnpulse.eventstore.projection.lag";

    private readonly ConcurrentDictionary<ProjectionDaemon, byte> _daemons = new(ReferenceEqualityComparer.Instance);

    public EventStoreMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(EventStoreTelemetry.MeterName);
        meter.CreateObservableGauge(PositionInstrument, () => Measure(d => d.Checkpoint), "{position}",
            "Position up to which the projection has applied events (its checkpoint).");
        meter.CreateObservableGauge(LagInstrument, () => Measure(d => d.Lag), "{position}",
            "Safe high-water mark minus the projection's checkpoint.");
    }

    public void Track(ProjectionDaemon daemon) => _daemons.TryAdd(daemon, 0);

    public void Untrack(ProjectionDaemon daemon) => _daemons.TryRemove(daemon, out _);

    private IEnumerable<Measurement<long>> Measure(Func<ProjectionDaemon, long> value) =>
        _daemons.Keys.Select(d => new Measurement<long>(value(d), new KeyValuePair<string, object?>(EventStoreTelemetry.ProjectionTag, d.Name))).ToList();
}
