namespace CdnPulse.EventStore.Tests;

[Collection(PostgresCollection.Name)]
public sealed class SchemaTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Schema_setup_is_idempotent_and_safe_concurrently()
    {
        await using var dataSource = await fixture.CreateEmptyDatabaseAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => EventStoreSchema.ApplyAsync(dataSource, timeout.Token))));
        var store = new EventStore(dataSource);
        await store.AppendAsync("kept", ExpectedVersion.NoStream, TestEvents.Many(2), timeout.Token);
        await EventStoreSchema.ApplyAsync(dataSource, timeout.Token);

        var tables = await Database.ScalarAsync<string[]>(dataSource,
            "select array_agg(table_name::text order by table_name) from information_schema.tables where table_schema = 'eventstore'");
        Assert.Equal(["events", "projection_checkpoints", "streams"], tables);
        Assert.Equal(1, await Database.ScalarAsync<long>(dataSource, $"select seqcache from pg_sequence where seqrelid = '{EventStoreSchema.PositionSequence}'::regclass"));
        Assert.Equal("xid8", await Database.ScalarAsync<string>(dataSource,
            "select data_type::text from information_schema.columns where table_schema = 'eventstore' and table_name = 'events' and column_name = 'tx_id'"));
        // Re-applying kept the data.
        Assert.Equal(2, (await store.ReadStreamAsync("kept", 1, timeout.Token)).Count);
    }
}
