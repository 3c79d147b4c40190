using CdnPulse.MetricsQuery.Apis;
using CdnPulse.MetricsQuery.Extensions;
using CdnPulse.ServiceDefaults;
using CdnPulse.ServiceDefaults.ApiKeys;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseApiPipeline();
// The compatible API answers like API Gateway: 403 {"message":"Forbidden"} for a missing key or scope.
app.MapGroup("")
    .RequireApiKeyScope(ApiKeyScopes.ReadMetrics, ApiKeyRejection.GatewayForbidden)
    .RequireRateLimiting(ApiKeyRateLimiting.PolicyName)
    .MapCompatibleMetricApi();
app.MapNativeMetricsApi();
app.MapLiveStreamApi();
app.MapApiKeysApi();
app.MapApiDocs();
app.MapDashboard();

app.Run();
