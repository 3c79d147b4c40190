namespace CdnPulse.Kinesis.Model;

/// <summary>What DescribeStreamSummary says about a stream. <see cref="StreamStatus"/> is CREATING, DELETING, ACTIVE or UPDATING.</summary>
public sealed record StreamSummary
{
    public const string Active = "ACTIVE";
    public const string Deleting = "DELETING";

    public string StreamName { get; init; } = "";

    public string? StreamArn { get; init; }

    public string StreamStatus { get; init; } = "";

    public int OpenShardCount { get; init; }

    public int RetentionPeriodHours { get; init; }

    public DateTimeOffset? StreamCreationTimestamp { get; init; }

    public string? EncryptionType { get; init; }

    public bool IsActive => StreamStatus == Active;
}
