using CdnPulse.EventStore;
using CdnPulse.Ingest;
using CdnPulse.Metrics;
using Npgsql;

namespace CdnPulse.Admin;

/// <summary>
/// cdnpulse-admin: operations that run once, outside the services. <c>migrate</c> is the schema set-up step the
/// AppHost runs before any service starts; <c>rebuild</c> replays a projection from the events.
/// The database comes from <c>ConnectionStrings__events</c>.
/// </summary>
public static class AdminCommands
{
    private const string Usage = """
        usage: cdnpulse-admin <command>
          migrate                 create or update every schema (event store, metrics, ingest); safe to repeat
          rebuild [projection]    clear a projection and replay it from the events (default: metric-minutes)
        The database is taken from the ConnectionStrings__events environment variable.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await output.WriteLineAsync(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        if (args[0] == "import") return await ImportCommand.RunAsync(args[1..], output, error, cancellationToken);
        if (args[0] == "keys") return await ApiKeysCommand.RunAsync(args[1..], output, error, cancellationToken);
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__events");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await error.WriteLineAsync("ConnectionStrings__events is not set: it must name the PostgreSQL event store.");
            return 2;
        }
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        switch (args[0])
        {
            case "migrate":
                await EventStoreSchema.ApplyAsync(dataSource, cancellationToken);
                await MetricsSchema.ApplyAsync(dataSource, cancellationToken);
                await IngestSchema.ApplyAsync(dataSource, cancellationToken);
                await CdnPulse.ServiceDefaults.ApiKeys.ApiKeySchema.ApplyAsync(dataSource, cancellationToken);
                await CdnPulse.Alerting.AlertingSchema.ApplyAsync(dataSource, cancellationToken);
                await output.WriteLineAsync("Schemas are up to date: eventstore, metrics, ingest, auth, alerting.");
                return 0;
            case "rebuild":
                var name = args.Length > 1 ? args[1] : MinuteStatsProjection.ProjectionName;
                IProjection projection = name switch
                {
                    MinuteStatsProjection.ProjectionName => new MinuteStatsProjection(),
                    _ => throw new ArgumentException($"Unknown projection '{name}': known is {MinuteStatsProjection.ProjectionName}."),
                };
                var progress = new Progress<long>(position => output.WriteLine($"  replayed up to position {position}"));
                await new ProjectionRebuilder(dataSource, new CdnPulse.EventStore.EventStore(dataSource)).RebuildAsync(projection, cancellationToken, progress);
                await output.WriteLineAsync($"Projection {name} rebuilt from the events.");
                return 0;
            default:
                await error.WriteLineAsync($"Unknown command '{args[0]}'.{Environment.NewLine}{Usage}");
                return 2;
        }
    }
}
