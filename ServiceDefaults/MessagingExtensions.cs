using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CdnPulse.ServiceDefaults;

public static class MessagingExtensions
{
    /// <summary>The connection-string name of the message bus (the AppHost resource "messaging").</summary>
    public const string MessagingConnectionName = "messaging";

    /// <summary>
    /// MassTransit with kebab-case endpoints and the one failure policy of CdnPulse. The transport is chosen in
    /// <see cref="UseConfiguredTransport"/> only: RabbitMQ here; Amazon SQS/SNS replaces it there where its package exists.
    /// </summary>
    public static TBuilder AddMessaging<TBuilder>(this TBuilder builder, Action<IBusRegistrationConfigurator>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });
        var options = builder.Configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>() ?? new MessagingOptions();
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddConfigureEndpointsCallback((_, _, endpoint) => FailurePolicy.Apply(endpoint, options));
            configure?.Invoke(bus);
            bus.UseConfiguredTransport(builder.Configuration, options.Transport);
        });
        return builder;
    }

    /// <summary>The transport seam: <c>Messaging:Transport</c> = <c>rabbitmq</c> (default) or <c>inmemory</c> (unit tests only).</summary>
    public static void UseConfiguredTransport(this IBusRegistrationConfigurator bus, IConfiguration configuration, string transport)
    {
        switch (transport.ToLowerInvariant())
        {
            case "rabbitmq":
                var connectionString = configuration.GetConnectionString(MessagingConnectionName);
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        $"Connection string '{MessagingConnectionName}' is missing: set ConnectionStrings__{MessagingConnectionName} to an amqp:// URI.");
                }
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(connectionString));
                    cfg.ConfigureEndpoints(context);
                });
                break;
            case "inmemory":
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
                break;
            default:
                throw new InvalidOperationException($"Messaging:Transport '{transport}' is not supported: use rabbitmq or inmemory.");
        }
    }
}
