using CdnPulse.Ingest.Apis;
using CdnPulse.Ingest.Extensions;
using CdnPulse.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapFirehoseApi();
app.MapFirehoseTransformApi();
app.MapLambdaEdgeApi();
app.MapRejectsApi();

app.Run();
