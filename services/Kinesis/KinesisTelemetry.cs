using System.Diagnostics;

namespace CdnPulse.Kinesis;

/// <summary>
/// One client span per Kinesis call. Add <see cref="SourceName"/> to the tracer provider to export them. Tags carry
/// names and counts only: never credentials, record data or partition keys.
/// </summary>
public static class KinesisTelemetry
{
    public const string SourceName = "CdnPulse.Kinesis";

    public const string OperationTag = "aws.kinesis.operation";
    public const string StreamTag = "aws.kinesis.stream_name";
    public const string ShardTag = "aws.kinesis.shard_id";
    public const string RecordCountTag = "aws.kinesis.record_count";
    public const string FailedRecordCountTag = "aws.kinesis.failed_record_count";
    public const string RequestIdTag = "aws.request_id";

    public static ActivitySource Source { get; } = new(SourceName);

    internal static Activity? StartCall(string operation, string region, string? streamName = null, string? shardId = null)
    {
        var activity = Source.StartActivity($"Kinesis.{operation}", ActivityKind.Client);
        if (activity is null)
        {
            return null;
        }
        activity.SetTag("rpc.system", "aws-api");
        activity.SetTag("rpc.service", "Kinesis");
        activity.SetTag("rpc.method", operation);
        activity.SetTag("cloud.region", region);
        activity.SetTag(OperationTag, operation);
        if (streamName is not null)
        {
            activity.SetTag(StreamTag, streamName);
        }
        if (shardId is not null)
        {
            activity.SetTag(ShardTag, shardId);
        }
        return activity;
    }
}
