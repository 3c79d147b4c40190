namespace CdnPulse.EventStore.Tests;

[Collection(PostgresCollection.Name)]
public sealed class SchemaScriptTests(PostgresFixture fixture)
{
    // Without the lock, two sessions can both find the schema missing and one fails with a duplicate key in
    // pg_namespace_nspname_index (seen in most single rounds; hence several rounds).
    private const string Script = """
        create schema if not exists scripted;
        create table if not exists scripted.items (id int primary key);
        create index if not exists items_id on scripted.items (id);
        """;

    [Fact]
    public async Task Concurrent_applications_of_one_script_all_succeed_and_create_the_schema_once()
    {
        await using var dataSource = await fixture.CreateEmptyDatabaseAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        for (var round = 0; round < 5; round++)
        {
            if (round > 0)
            {
                await Database.ScalarAsync<object>(dataSource, "drop schema scripted cascade");
            }
            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
                Task.Run(() => SchemaScript.ApplyAsync(dataSource, "cdnpulse.tests.schema", Script, timeout.Token))));
        }

        Assert.Equal(1, await Database.ScalarAsync<long>(dataSource, "select count(*) from information_schema.schemata where schema_name = 'scripted'"));
        var tables = await Database.ScalarAsync<string[]>(dataSource,
            "select array_agg(table_name::text order by table_name) from information_schema.tables where table_schema = 'scripted'");
        Assert.Equal(["items"], tables);
        Assert.Equal(1, await Database.ScalarAsync<long>(dataSource, "select count(*) from pg_indexes where schemaname = 'scripted' and indexname = 'items_id'"));
    }

    [Fact]
    public async Task A_failing_script_leaves_nothing_behind()
    {
        await using var dataSource = await fixture.CreateEmptyDatabaseAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() =>
            SchemaScript.ApplyAsync(dataSource, "cdnpulse.tests.schema", Script + "select * from scripted.missing;", timeout.Token));

        Assert.Equal(0, await Database.ScalarAsync<long>(dataSource, "select count(*) from information_schema.schemata where schema_name = 'scripted'"));
    }
}
