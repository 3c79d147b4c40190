using CdnPulse.Kinesis.Model;

namespace CdnPulse.Kinesis.Wire;

internal sealed record ListShardsResponse
{
    public IReadOnlyList<KinesisShard> Shards { get; init; } = [];

    public string? NextToken { get; init; }
}
