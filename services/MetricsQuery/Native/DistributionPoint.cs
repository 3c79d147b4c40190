namespace CdnPulse.MetricsQuery.Native;

/// <summary>One interval of a distribution: Value = requests counted, Counts = requests per bucket in the response's bucket order.</summary>
public sealed record DistributionPoint(DateTimeOffset Start, long Value, IReadOnlyList<long> Counts);
