namespace CdnPulse.Kinesis.Wire;

/// <summary>The first page names the stream; later pages send only NextToken (the API rejects both together).</summary>
internal sealed record ListShardsRequest(string? StreamName, string? NextToken);
