namespace CdnPulse.Kinesis.Wire;

/// <summary>The body of operations that only name a stream (DescribeStreamSummary).</summary>
internal sealed record StreamNameRequest(string StreamName);
