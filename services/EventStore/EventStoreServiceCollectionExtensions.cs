using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CdnPulse.EventStore;

public static class EventStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EventStore"/>, <see cref="ProjectionRebuilder"/>, <see cref="EventStoreMetrics"/> and the
    /// daemon host for every <see cref="IProjection"/> added with <see cref="AddProjection{TProjection}"/>. Needs an
    /// <c>NpgsqlDataSource</c> (ServiceDefaults' <c>AddEventsDataSource</c>); the schema is applied by the migrate step,
    /// not here. Options bind from <see cref="ProjectionDaemonOptions.SectionName"/> and are checked at start.
    /// </summary>
    public static IServiceCollection AddEventStore(this IServiceCollection services)
    {
        services.TryAddSingleton<EventStore>();
        services.TryAddSingleton<ProjectionRebuilder>();
        services.TryAddSingleton<EventStoreMetrics>();
        services.AddMetrics();
        services.AddOptions<ProjectionDaemonOptions>().BindConfiguration(ProjectionDaemonOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProjectionDaemonOptions>, ProjectionDaemonOptionsValidator>());
        services.AddHostedService<ProjectionDaemonHostedService>();
        return services;
    }

    /// <summary>Adds a projection (a singleton) for the daemon host to keep up to date.</summary>
    public static IServiceCollection AddProjection<TProjection>(this IServiceCollection services) where TProjection : class, IProjection
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProjection, TProjection>());
        return services;
    }
}
