namespace CdnPulse.Kinesis.Wire;

internal sealed record PutRecordRequest(string StreamName, string PartitionKey, ReadOnlyMemory<byte> Data);
