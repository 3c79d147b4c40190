using System.Diagnostics;
using System.Globalization;
using CdnPulse.LoadGen.Running;
using Spectre.Console;

namespace CdnPulse.LoadGen.Cli;

/// <summary>
/// A live progress bar with the acknowledged lines, the current rate and retries, on standard error (standard output
/// may be carrying the lines). Without a terminal it prints a plain status line every few seconds instead.
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PlainRefresh = TimeSpan.FromSeconds(5);

    public static async Task<RunResult> RunAsync(LoadSession session, IAnsiConsole console, CancellationToken stop, CancellationToken abort)
    {
        var run = session.RunAsync(stop, abort);
        var counters = session.Runner.Counters;
        var planned = session.Options.Lines;
        var meter = new RateMeter();
        if (!console.Profile.Capabilities.Interactive)
        {
            while (!run.IsCompleted)
            {
                await Task.WhenAny(run, Task.Delay(PlainRefresh, CancellationToken.None));
                console.WriteLine(Status(counters, planned, meter));
            }

            return await run;
        }

        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(Status(counters, planned, meter)), maxValue: Math.Max(1, planned));
                while (!run.IsCompleted)
                {
                    await Task.WhenAny(run, Task.Delay(Refresh, CancellationToken.None));
                    task.Value = counters.Acknowledged;
                    task.Description = Markup.Escape(Status(counters, planned, meter));
                }

                task.Value = counters.Acknowledged;
                task.StopTask();
            });
        return await run;
    }

    private static string Status(RunCounters counters, long planned, RateMeter meter)
    {
        var acknowledged = counters.Acknowledged;
        var status = string.Create(CultureInfo.InvariantCulture, $"{acknowledged:N0}/{planned:N0} lines, {meter.Update(acknowledged):N0} lines/s");
        if (counters.Retries > 0)
        {
            status += string.Create(CultureInfo.InvariantCulture, $", {counters.Retries:N0} retried ({counters.LastRetryReason})");
        }

        return status;
    }

    /// <summary>Lines per second over the last couple of seconds.</summary>
    private sealed class RateMeter
    {
        private readonly Queue<(long Ticks, long Lines)> _samples = new();

        public double Update(long lines)
        {
            var now = Stopwatch.GetTimestamp();
            _samples.Enqueue((now, lines));
            while (_samples.Count > 2 && Stopwatch.GetElapsedTime(_samples.Peek().Ticks, now) > TimeSpan.FromSeconds(2))
            {
                _samples.Dequeue();
            }

            var (firstTicks, firstLines) = _samples.Peek();
            var seconds = Stopwatch.GetElapsedTime(firstTicks, now).TotalSeconds;
            return seconds > 0 ? (lines - firstLines) / seconds : 0;
        }
    }
}
