using System.Globalization;
using CdnPulse.Kinesis;
using CdnPulse.LoadGen.Options;
using CdnPulse.LoadGen.Running;
using CdnPulse.LoadGen.Sinks;
using CdnPulse.LoadGen.Totals;
using Spectre.Console;

namespace CdnPulse.LoadGen.Cli;

/// <summary>
/// cdnpulse-loadgen: checks the options, opens the session, runs it with a progress display, writes the totals.
/// The first Ctrl+C stops generating and waits for deliveries in flight (so the totals stay exact); a second one
/// cuts them off.
/// </summary>
internal static class LoadGenCommand
{
    public const int Succeeded = 0;
    public const int DeliveryFailed = 1;
    public const int BadOptions = 2;
    public const int Stopped = 130;

    public static async Task<int> RunAsync(string[] args, TextWriter messages, CancellationToken cancellationToken)
    {
        var parsed = LoadGenOptionsParser.Parse(args);
        if (parsed.HelpRequested)
        {
            await Console.Out.WriteLineAsync(Usage.Text);
            return Succeeded;
        }

        if (!parsed.IsValid)
        {
            foreach (var error in parsed.Errors)
            {
                await messages.WriteLineAsync($"cdnpulse-loadgen: {error}");
            }

            await messages.WriteLineAsync("Run cdnpulse-loadgen --help for the options.");
            return BadOptions;
        }

        var options = parsed.Options!;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var abort = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            if (stop.IsCancellationRequested)
            {
                abort.Cancel();
            }
            else
            {
                stop.Cancel();
            }
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await RunAsync(options, messages, stop, abort.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<int> RunAsync(LoadGenOptions options, TextWriter messages, CancellationTokenSource stop, CancellationToken abort)
    {
        LoadSession session;
        try
        {
            session = await LoadSession.OpenAsync(options, DateTimeOffset.UtcNow, cancellationToken: stop.Token);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or DeliveryException or HttpRequestException
            or KinesisException or InvalidOperationException or UnauthorizedAccessException)
        {
            await messages.WriteLineAsync($"cdnpulse-loadgen: {ex.Message}");
            return DeliveryFailed;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return Stopped;
        }

        await using (session)
        {
            await messages.WriteLineAsync(Describe(session));
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(messages) });
            var result = options.Progress
                ? await ProgressDisplay.RunAsync(session, console, stop.Token, abort)
                : await session.RunAsync(stop.Token, abort);
            if (options.TotalsPath is { } path)
            {
                await TotalsFile.WriteAsync(path, session.Document(result), CancellationToken.None);
            }

            await messages.WriteLineAsync(Summary(session, result));
            return result.Complete ? Succeeded : stop.IsCancellationRequested ? Stopped : DeliveryFailed;
        }
    }

    private static string Describe(LoadSession session)
    {
        var settings = session.Settings;
        var pace = session.Options.Fast ? "as fast as possible" : string.Create(CultureInfo.InvariantCulture, $"at {settings.LinesPerSecond:N0} lines/s");
        return string.Create(CultureInfo.InvariantCulture,
            $"Sending {session.Options.Lines:N0} lines {pace} to {session.Sink.Name}: seed {settings.Seed}, {settings.Format.FieldCount} fields, "
            + $"first timestamp {DateTimeOffset.FromUnixTimeMilliseconds(settings.StartMs):yyyy-MM-ddTHH:mm:ss.fffZ}, "
            + $"{settings.Domains.Count} domains, {session.Clients.Countries.Count} countries.");
    }

    private static string Summary(LoadSession session, RunResult result)
    {
        var counters = session.Runner.Counters;
        var seconds = Math.Max(result.Elapsed.TotalSeconds, 1e-9);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{(result.Complete ? "Done" : "Stopped")}: {counters.Acknowledged:N0} lines in {counters.Records:N0} records acknowledged "
            + $"in {result.Elapsed.TotalSeconds:N1} s ({counters.Acknowledged / seconds:N0} lines/s), {counters.Retries:N0} retried.");
        if (result.Error is { } error && !result.Complete)
        {
            summary += $" {error}.";
        }

        if (result.UnconfirmedLines > 0)
        {
            summary += string.Create(CultureInfo.InvariantCulture, $" {result.UnconfirmedLines:N0} lines were cut off unconfirmed and are not in the totals.");
        }

        if (session.Options.TotalsPath is { } path)
        {
            summary += $" Totals: {path}";
        }

        return summary;
    }
}
