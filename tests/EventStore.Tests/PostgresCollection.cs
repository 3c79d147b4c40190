namespace CdnPulse.EventStore.Tests;

/// <summary>All test classes share the server and run one after another (they measure concurrency themselves).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
