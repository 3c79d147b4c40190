using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CdnPulse.EventStore.Tests;

public sealed class HostingTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task Hosted_daemons_keep_registered_projections_up_to_date()
    {
        await RecordingProjection.CreateTablesAsync(DataSource);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["EventStore:Projections:BatchSize"] = "10";
        builder.Services.AddSingleton(DataSource);
        builder.Services.AddEventStore().AddProjection<RecordingProjection>();
        using var host = builder.Build();
        await host.StartAsync(Timeout);

        var store = host.Services.GetRequiredService<EventStore>();
        for (var i = 0; i < 10; i++)
        {
            await store.AppendAsync($"hosted-{i % 3}", ExpectedVersion.Any, TestEvents.Many(5), Timeout);
        }
        await Eventually.HoldsAsync(async () => await RecordingProjection.CountRowsAsync(DataSource) == 50, "all 50 events are projected");
        await host.StopAsync(Timeout);

        Assert.Equal(50, await Database.CheckpointAsync(DataSource, "recording"));
        var projection = Assert.IsType<RecordingProjection>(Assert.Single(host.Services.GetServices<IProjection>()));
        Assert.All(projection.Applications, a => Assert.Equal(1, a.Value));
    }

    [Fact]
    public async Task Invalid_daemon_options_fail_at_start()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["EventStore:Projections:BatchSize"] = "0";
        builder.Services.AddSingleton(DataSource);
        builder.Services.AddEventStore();
        using var host = builder.Build();

        var error = await Assert.ThrowsAnyAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync(Timeout));
        Assert.Contains("EventStore:Projections:BatchSize must be positive (is 0)", error.Message);
    }
}
