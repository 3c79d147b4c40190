using CdnPulse.Kinesis.Model;

namespace CdnPulse.Kinesis.Wire;

internal sealed record PutRecordsRequest(string StreamName, IReadOnlyList<PutRecordsEntry> Records);
