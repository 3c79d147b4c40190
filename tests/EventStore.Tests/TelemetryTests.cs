using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace CdnPulse.EventStore.Tests;

public sealed class TelemetryTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task Append_and_projection_batches_are_traced_and_lag_is_measured()
    {
        await RecordingProjection.CreateTablesAsync(DataSource);
        var spans = new ConcurrentQueue<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EventStoreTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(activityListener);
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new EventStoreMetrics(services.GetRequiredService<IMeterFactory>());
        var gauges = new ConcurrentDictionary<string, long>();
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == EventStoreTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: EventStoreTelemetry.ProjectionTag, Value: "recording" })
                {
                    gauges[instrument.Name] = value;
                }
            }
        });
        meterListener.Start();

        var appended = await Store.AppendAsync("traced", ExpectedVersion.NoStream, TestEvents.Many(3), Timeout);
        var daemon = new ProjectionDaemon(Store, new RecordingProjection(), new ProjectionDaemonOptions { BatchSize = 2 }, new RecordingLogger());
        metrics.Track(daemon);
        await daemon.ProcessBatchAsync(Timeout);
        meterListener.RecordObservableInstruments();
        var afterFirstBatch = (gauges[EventStoreMetrics.PositionInstrument], gauges[EventStoreMetrics.LagInstrument]);
        await daemon.ProcessBatchAsync(Timeout);
        meterListener.RecordObservableInstruments();

        var append = Assert.Single(spans, s => s.OperationName == "eventstore.append");
        Assert.Equal("traced", append.GetTagItem(EventStoreTelemetry.StreamIdTag));
        Assert.Equal(3, append.GetTagItem(EventStoreTelemetry.EventCountTag));
        Assert.Equal(appended.FirstPosition, append.GetTagItem(EventStoreTelemetry.FirstPositionTag));
        Assert.Equal(appended.LastPosition, append.GetTagItem(EventStoreTelemetry.LastPositionTag));
        var batches = spans.Where(s => s.OperationName == "eventstore.projection.batch").ToList();
        Assert.Equal([2, 1], batches.Select(b => b.GetTagItem(EventStoreTelemetry.EventCountTag)));
        Assert.All(batches, b => Assert.Equal("recording", b.GetTagItem(EventStoreTelemetry.ProjectionTag)));
        Assert.Equal((2L, 1L), afterFirstBatch);
        Assert.Equal((3L, 0L), (gauges[EventStoreMetrics.PositionInstrument], gauges[EventStoreMetrics.LagInstrument]));
    }
}
