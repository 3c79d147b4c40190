namespace CdnPulse.Ingest.Tests;

/// <summary>Integration tests share one set of servers and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<ServersFixture>
{
    public const string Name = "servers";
}
