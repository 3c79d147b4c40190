using CdnPulse.Alerting.Alarms;
using CdnPulse.Alerting.Consumers;
using CdnPulse.Alerting.Evaluation;
using CdnPulse.Alerting.Notifications;
using CdnPulse.Alerting.Projections;
using CdnPulse.EventStore;
using CdnPulse.Metrics;
using CdnPulse.ServiceDefaults;
using CdnPulse.ServiceDefaults.ApiKeys;
using Microsoft.Extensions.Options;

namespace CdnPulse.Alerting.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddEventsDataSource();
        // Keys: the bootstrap ones (every scope) and those stored in auth.api_keys; endpoints ask for manage-alarms.
        builder.AddApiKeyStore();
        builder.AddApiKeyRateLimiting();
        builder.AddMessaging(bus => bus.AddConsumer<MetricWindowUpdatedConsumer>(typeof(MetricWindowUpdatedConsumerDefinition)));
        // CloudWatch's field names (PascalCase) in every answer.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = null);

        builder.Services.AddOptions<AlertingOptions>().Bind(builder.Configuration.GetSection(AlertingOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AlertingOptions>>(new ProblemValidator<AlertingOptions>(o => o.Validate()));
        builder.Services.AddOptions<WebhookOptions>().Bind(builder.Configuration.GetSection(WebhookOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WebhookOptions>>(new ProblemValidator<WebhookOptions>(o => o.Validate()));

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AlertingTelemetry>();
        builder.Services.AddEventStore();
        builder.Services.AddProjection<AlarmsProjection>();
        builder.Services.AddProjection<AlarmHistoryProjection>();
        builder.Services.AddSingleton<ProjectionCheckpoints>();
        builder.Services.AddSingleton<MinuteStatsReader>();

        builder.Services.AddSingleton<AlarmReadModel>();
        builder.Services.AddSingleton<AlarmHistoryReadModel>();
        builder.Services.AddSingleton<AlarmCommands>();
        builder.Services.AddSingleton<EvaluationQueue>();
        builder.Services.AddSingleton<AlarmEvaluationRunner>();
        builder.Services.AddHostedService<AlarmEvaluationService>();

        builder.Services.AddSingleton<BusOutboxSignal>();
        builder.Services.AddSingleton<DeliveryOutboxSignal>();
        builder.Services.AddSingleton<StateChangeRecorder>();
        builder.Services.AddSingleton<SubscriptionStore>();
        builder.Services.AddSingleton<DeliveryStore>();
        builder.Services.AddHttpClient(WebhookDeliveryWorker.HttpClientName, (sp, client) =>
            {
                client.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("CdnPulse-Alerting/1.0");
            })
            // Redirects are not followed: a signed notification goes to the subscribed URL or nowhere.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            });
        builder.Services.AddHostedService<WebhookDeliveryWorker>();
        builder.Services.AddHostedService<BusOutboxPublisher>();
    }

    /// <summary>Before the endpoints: the key (once per request), then the per-key rate limiter that needs it.</summary>
    public static void UseApiPipeline(this WebApplication app)
    {
        app.UseApiKeyAuthentication();
        app.UseRateLimiter();
    }
}
