using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CdnPulse.ServiceDefaults;

public static class DatabaseExtensions
{
    /// <summary>The connection-string name of the PostgreSQL event store (the AppHost resource "events").</summary>
    public const string EventsConnectionName = "events";

    /// <summary>Registers one pooled <see cref="NpgsqlDataSource"/> for the event store and its readiness check.</summary>
    public static TBuilder AddEventsDataSource<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString(EventsConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Connection string '{EventsConnectionName}' is missing: set ConnectionStrings__{EventsConnectionName}.");
        }
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString)
        {
            Name = EventsConnectionName,
        }.Build());
        builder.Services.AddHealthChecks().AddCheck<NpgsqlHealthCheck>("postgres", tags: ["ready"]);
        return builder;
    }
}
