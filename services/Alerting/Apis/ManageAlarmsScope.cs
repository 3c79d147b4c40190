using CdnPulse.ServiceDefaults.ApiKeys;

namespace CdnPulse.Alerting.Apis;

/// <summary>
/// Every Alerting endpoint, reads included, needs a key with the <c>manage-alarms</c> scope: subscriptions and the
/// delivery log hold webhook URLs (which often carry a token) and alarm definitions name them, so a dashboard's
/// <c>read-metrics</c> key sees none of it. 401 without a valid key, 403 naming the scope for another key;
/// rate-limited per key like MetricsQuery.
/// </summary>
internal static class ManageAlarmsScope
{
    public static RouteGroupBuilder RequireManageAlarms(this RouteGroupBuilder group) =>
        group.RequireApiKeyScope(ApiKeyScopes.ManageAlarms).RequireRateLimiting(ApiKeyRateLimiting.PolicyName);
}
