using CdnPulse.Alerting.Apis;
using CdnPulse.Alerting.Extensions;
using CdnPulse.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseApiPipeline();
app.MapAlarmsApi();
app.MapAlarmHistoryApi();
app.MapSubscriptionsApi();
app.MapDeliveriesApi();

app.Run();
