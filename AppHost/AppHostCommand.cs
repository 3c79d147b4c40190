using System.Runtime.InteropServices;
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
                    --otlp-endpoint URL   send the services' telemetry to this OTLP endpoint
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

        CdnPulseSystem system;
        try
        {
            system = await CdnPulseSystem.StartAsync(new SystemOptions
            {
                SampleTraffic = !args.Contains("--no-traffic"),
                OtlpEndpoint = Option(args, "--otlp-endpoint") ?? Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"),
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
            var endpointsFile = await EndpointsFile.WriteAsync(system, stop.Token);
            EndpointTable.Print(system, endpointsFile);
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

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
