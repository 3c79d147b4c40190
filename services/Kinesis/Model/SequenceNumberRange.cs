namespace CdnPulse.Kinesis.Model;

/// <summary>A shard's sequence numbers; an <see cref="EndingSequenceNumber"/> means the shard is closed (split or merged away).</summary>
public sealed record SequenceNumberRange(string StartingSequenceNumber, string? EndingSequenceNumber);
