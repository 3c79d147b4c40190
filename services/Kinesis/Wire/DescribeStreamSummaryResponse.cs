using CdnPulse.Kinesis.Model;

namespace CdnPulse.Kinesis.Wire;

internal sealed record DescribeStreamSummaryResponse(StreamSummary StreamDescriptionSummary);
