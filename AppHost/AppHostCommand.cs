using System.Runtime.InteropServices;
using CdnPulse.Dashboard;
using CdnPulse.Hosting;
using Spectre.Console;

namespace CdnPulse.AppHost;

/// <summary>
/// <c>dotnet run --project AppHost [-- --no-traffic]</c> runs CdnPulse locally until Ctrl+C or SIGTERM;
/// <c>dotnet run --project AppHost -- publish [--output-path aspire-manifest.json]</c> writes the Aspire manifest.
/// </summary>
internal static class AppHostCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine("""
                usage: dotnet run --project AppHost [-- options]
                  (no command)            start PostgreSQL, RabbitMQ, kinesalite and every service; Ctrl+C stops all
                    --no-traffic          do not feed sample CloudFront log lines into Kinesis
                    --otlp-endpoint URL   send the services' telemetry to this OTLP endpoint (another backend) instead
                                          of the dashboard's receiver; OTEL_EXPORTER_OTLP_ENDPOINT does the same
                    --otlp-protocol P     grpc (default) or http/protobuf, for the dashboard's receiver
                    --no-dashboard        do not run the dashboard (and its OTLP receiver)
                  publish [--output-path FILE]   write the Aspire manifest (default: aspire-manifest.json in the checkout)
                """);
            return 0;
        }
        if (args.FirstOrDefault() == "publish")
        {
            var output = Option(args, "--output-path") ?? Path.Combine(RepositoryPaths.Root, "aspire-manifest.json");
            await File.WriteAllTextAsync(output, AspireManifest.Render());
            Console.WriteLine($"Wrote {output}");
            return 0;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        var apiKey = Secrets.NewApiKey();
        var externalOtlp = Option(args, "--otlp-endpoint") ?? Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT");
        var protocol = Option(args, "--otlp-protocol") ?? "grpc";
        if (protocol is not ("grpc" or "http/protobuf"))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]--otlp-protocol must be grpc or http/protobuf, not '{protocol}'.[/]");
            return 2;
        }
        await using var dashboard = args.Contains("--no-dashboard") ? null : await StartDashboardAsync(apiKey, stop.Token);
        CdnPulseSystem system;
        try
        {
            system = await CdnPulseSystem.StartAsync(new SystemOptions
            {
                SampleTraffic = !args.Contains("--no-traffic"),
                Log = dashboard?.ResourceLog(new ConsoleResourceLog()) ?? new ConsoleResourceLog(),
                ApiKey = apiKey,
                OtlpEndpoint = externalOtlp ?? (protocol == "grpc" ? dashboard?.OtlpGrpcEndpoint : dashboard?.OtlpHttpEndpoint),
                OtlpProtocol = externalOtlp is null ? protocol : null,
                OtlpHeaders = externalOtlp is null ? dashboard?.OtlpHeaders : null,
            }, stop.Token);
        }
        catch (MissingPrerequisiteException ex)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{ex.Message}[/]");
            return 3;
        }
        catch (ResourceStartException ex)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]CdnPulse could not start: {ex.Message}[/]");
            return 4;
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("Start-up cancelled; everything started was stopped.");
            return 130;
        }

        await using (system)
        {
            dashboard?.Attach(system);
            var endpointsFile = await EndpointsFile.WriteAsync(system, stop.Token);
            EndpointTable.Print(system, endpointsFile, dashboard, externalOtlp);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
            Console.WriteLine("Stopping every resource…");
        }
        Console.WriteLine("Stopped: no CdnPulse process is left running.");
        return 0;
    }

    private static async Task<DashboardHost> StartDashboardAsync(string apiKey, CancellationToken cancellationToken)
    {
        var dashboard = await DashboardHost.StartAsync(new DashboardOptions { ApiKey = apiKey, OtlpApiKey = Secrets.NewApiKey() }, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"Dashboard: [bold]{dashboard.Url}[/] (sign in with the API key printed once everything is up)");
        if (!dashboard.Ports.AreStandard)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"[yellow]Standard ports busy; OTLP gRPC on {dashboard.Ports.OtlpGrpc}, OTLP HTTP on {dashboard.Ports.OtlpHttp}, dashboard on {dashboard.Ports.Page}.[/]");
        }
        return dashboard;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
