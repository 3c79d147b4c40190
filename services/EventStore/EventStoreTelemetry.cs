using System.Diagnostics;

namespace CdnPulse.EventStore;

/// <summary>
/// Names of the event store's traces and metrics. Spans: <c>eventstore.append</c> (stream, event count, positions),
/// <c>eventstore.projection.batch</c> and <c>eventstore.projection.rebuild</c>. Metrics (through <see cref="EventStoreMetrics"/>):
/// each projection's checkpoint position and its lag behind the high-water mark.
/// </summary>
public static class EventStoreTelemetry
{
    public const string SourceName = "CdnPulse.EventStore";
    public const string MeterName = "CdnPulse.EventStore";

    public const string StreamIdTag = "eventstore.stream_id";
    public const string EventCountTag = "eventstore.event_count";
    public const string ExpectedVersionTag = "eventstore.expected_version";
    public const string StreamVersionTag = "eventstore.stream_version";
    public const string FirstPositionTag = "eventstore.first_position";
    public const string LastPositionTag = "eventstore.last_position";
    public const string ProjectionTag = "eventstore.projection";
    public const string HighWaterMarkTag = "eventstore.high_water_mark";

    public static ActivitySource Source { get; } = new(SourceName);

    internal static Activity? StartAppend(string streamId, ExpectedVersion expected, int eventCount)
    {
        var activity = Source.StartActivity("eventstore.append");
        activity?.SetTag("db.system.name", "postgresql");
        activity?.SetTag(StreamIdTag, streamId);
        activity?.SetTag(EventCountTag, eventCount);
        activity?.SetTag(ExpectedVersionTag, expected.Value);
        return activity;
    }

    internal static void Appended(Activity? activity, AppendResult result)
    {
        activity?.SetTag(StreamVersionTag, result.NextExpectedVersion);
        activity?.SetTag(FirstPositionTag, result.FirstPosition);
        activity?.SetTag(LastPositionTag, result.LastPosition);
    }

    internal static Activity? StartProjectionBatch(string operation, string projection, IReadOnlyList<RecordedEvent> events, long highWaterMark)
    {
        var activity = Source.StartActivity(operation);
        activity?.SetTag(ProjectionTag, projection);
        activity?.SetTag(EventCountTag, events.Count);
        activity?.SetTag(FirstPositionTag, events[0].Position);
        activity?.SetTag(LastPositionTag, events[^1].Position);
        activity?.SetTag(HighWaterMarkTag, highWaterMark);
        return activity;
    }

    internal static void Failed(Activity? activity, Exception exception)
    {
        activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity?.AddException(exception);
    }
}
