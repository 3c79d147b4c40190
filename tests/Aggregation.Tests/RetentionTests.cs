namespace CdnPulse.Aggregation.Tests;

[Collection(SystemCollection.Name)]
public sealed class RetentionTests(SystemFixture fixture)
{
    [Fact]
    public async Task Late_lines_within_the_retention_count_and_older_ones_are_counted_as_dropped_once()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = timeout.Token;
        const string domain = "late.example.com";
        var recent = Batches.HourAgo(1);
        var late = Batches.HourAgo(119 * 24);  // 119 days: late, but inside the default 120-day retention
        var tooLate = Batches.HourAgo(130 * 24);
        var generator = new TrafficGenerator(8);
        var requests = generator.Generate(5, [domain], recent, 1)
            .Concat(generator.Generate(3, [domain], late, 1))
            .Concat(generator.Generate(7, [domain], tooLate, 2))
            .ToList();
        var batch = Batches.Enriched($"late-{Guid.NewGuid():N}", requests);

        await fixture.Bus.Publish(batch, ct);
        await Eventually.ReachesAsync(() => fixture.Api.RequestsAsync(domain, recent, recent.AddHours(1), ct), n => n == 5,
            TimeSpan.FromSeconds(30), n => $"{n} of 5 recent requests; {fixture.AggregationLog()}", ct);
        Assert.Equal(3, await fixture.Api.RequestsAsync(domain, late, late.AddHours(1), ct));
        Assert.Equal(0, await fixture.Api.RequestsAsync(domain, tooLate, tooLate.AddHours(1), ct));
        Assert.Equal(7, await DroppedAsync(domain, ct));
        Assert.InRange(await OldestDroppedAsync(domain, ct), tooLate, tooLate.AddMinutes(1));
        Assert.Contains(fixture.Log.Tail("aggregation", 2000), l => l.Contains($"Dropped 7 lines of {domain} as too late", StringComparison.Ordinal));

        // A redelivery is skipped whole: the dropped lines are not counted a second time either.
        await fixture.Bus.Publish(batch, ct);
        await Eventually.ReachesAsync(() => Task.FromResult(fixture.Log.Tail("aggregation", 2000).Count(l => l.Contains(batch.BatchId, StringComparison.Ordinal))),
            n => n >= 1, TimeSpan.FromSeconds(30), _ => $"redelivery not skipped: {fixture.AggregationLog()}", ct);
        Assert.Equal(7, await DroppedAsync(domain, ct));
    }

    private Task<long> DroppedAsync(string domain, CancellationToken ct) =>
        Database.ScalarAsync(fixture.Events, "select coalesce(sum(lines), 0) from metrics.dropped_late_lines where domain = $1", ct, domain);

    private async Task<DateTimeOffset> OldestDroppedAsync(string domain, CancellationToken ct)
    {
        await using var command = fixture.Events.CreateCommand("select oldest_window from metrics.dropped_late_lines where domain = $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = domain });
        await using var reader = await command.ExecuteReaderAsync(ct);
        Assert.True(await reader.ReadAsync(ct), $"no dropped lines recorded for {domain}");
        return reader.GetFieldValue<DateTimeOffset>(0);
    }
}
