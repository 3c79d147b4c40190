using CdnPulse.Dashboard;
using CdnPulse.Hosting;
using Spectre.Console;

namespace CdnPulse.AppHost;

/// <summary>The table printed once everything is healthy: every resource, where it listens, its PID, the dashboard, and the local key.</summary>
internal static class EndpointTable
{
    public static void Print(CdnPulseSystem system, string endpointsFile, DashboardHost? dashboard, string? externalOtlp)
    {
        var table = new Table().Title($"CdnPulse is running (healthy after {system.StartupTime.TotalSeconds:0.0} s)")
            .AddColumn("resource").AddColumn("endpoint").AddColumn("pid");
        table.AddRow("postgres", Markup.Escape($"127.0.0.1:{system.Postgres!.Port} (database {SystemModel.Events})"), system.Postgres.Pid.ToString());
        table.AddRow("messaging", Markup.Escape($"{Redact(system.Messaging!.ConnectionString)}  management {system.Messaging.ManagementUrl}"),
            system.Messaging.BeamPid?.ToString() ?? "");
        table.AddRow("kinesis", Markup.Escape($"{system.Kinesis!.ServiceUrl} (stream {SystemModel.StreamName})"), system.Kinesis.Pid.ToString());
        foreach (var service in system.Services.Values)
        {
            table.AddRow(service.Name, Markup.Escape(service.Url ?? ""), service.Pid.ToString());
        }
        if (dashboard is not null)
        {
            table.AddRow("dashboard", Markup.Escape($"{dashboard.Url}  (resources, console and structured logs, traces, metrics)"), Environment.ProcessId.ToString());
            table.AddRow("otlp", Markup.Escape($"gRPC {dashboard.OtlpGrpcEndpoint}  HTTP {dashboard.OtlpHttpEndpoint}/v1/{{traces,logs,metrics}}"), Environment.ProcessId.ToString());
        }
        AnsiConsole.Write(table);
        if (externalOtlp is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"Telemetry goes to {externalOtlp} (OTEL_EXPORTER_OTLP_ENDPOINT); the dashboard shows resources and console output only.");
        }
        var metricsUrl = system.Services.ContainsKey(SystemModel.MetricsQuery) ? system.ServiceUrl(SystemModel.MetricsQuery) : null;
        AnsiConsole.MarkupLineInterpolated($"API key (x-api-key): [bold]{system.ApiKey}[/]");
        AnsiConsole.MarkupLineInterpolated($"Firehose access key (X-Amz-Firehose-Access-Key): [bold]{system.FirehoseAccessKey}[/]");
        AnsiConsole.MarkupLineInterpolated($"The same as JSON, for scripts: {endpointsFile}");
        if (metricsUrl is not null)
        {
            var now = DateTime.UtcNow;
            AnsiConsole.MarkupLineInterpolated(
                $"Try: curl -s -H 'x-api-key: {system.ApiKey}' '{metricsUrl}/metric?StartTime={now.AddMinutes(-10):yyyy-MM-dd}%20{now.AddMinutes(-10):HH:mm}:00&EndTime={now.AddMinutes(10):yyyy-MM-dd}%20{now.AddMinutes(10):HH:mm}:00&Metric=request&Domain=www.example.com&Interval=1min'");
        }
        AnsiConsole.MarkupLine("Press [bold]Ctrl+C[/] to stop everything.");
    }

    private static string Redact(string amqp) => amqp.Replace("guest:guest@", "", StringComparison.Ordinal);
}
