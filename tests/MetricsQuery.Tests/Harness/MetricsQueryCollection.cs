namespace CdnPulse.MetricsQuery.Tests.Harness;

/// <summary>Every test class that needs the running system shares one <see cref="MetricsQueryFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class MetricsQueryCollection : ICollectionFixture<MetricsQueryFixture>
{
    public const string Name = "metrics-query-system";
}
