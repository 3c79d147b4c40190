using CdnPulse.MetricsQuery.Apis;
using CdnPulse.MetricsQuery.Extensions;
using CdnPulse.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapCompatibleMetricApi();

app.Run();
