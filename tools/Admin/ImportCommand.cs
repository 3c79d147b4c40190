using CdnPulse.Contracts;
using CdnPulse.Ingest.StandardLogs;
using MassTransit;
using Spectre.Console;

namespace CdnPulse.Admin;

/// <summary>
/// <c>cdnpulse-admin import &lt;file-or-folder&gt;… [--dry-run]</c>: reads CloudFront standard log files (gzip or plain)
/// and publishes their lines as <see cref="LogBatchReceived"/> straight onto the bus named by
/// <c>ConnectionStrings__messaging</c>, with batch ids from file name and line range (importing twice counts once).
/// Shows progress, then a summary: lines read, accepted, rejected by reason.
/// </summary>
public static class ImportCommand
{
    private const string Usage = """
        usage: cdnpulse-admin import <file-or-folder>... [--dry-run]
          Reads CloudFront standard log files (W3C #Fields header; gzip or plain; a folder means every file in it)
          and publishes their requests to the bus at ConnectionStrings__messaging (amqp://…).
          --dry-run   read and count only; publish nothing
        Batch ids are standard:<file name>:<first line>-<last line>: importing a file again counts nothing twice.
        Exit code: 0 when every file was read, 1 when a file could not be read, 2 for a usage error.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var dryRun = args.Contains("--dry-run");
        var paths = args.Where(a => a != "--dry-run").ToList();
        if (paths.Count == 0 || paths.Any(p => p is "-h" or "--help" || p.StartsWith("--", StringComparison.Ordinal)))
        {
            await (paths.Any(p => p is "-h" or "--help") ? output : error).WriteLineAsync(Usage);
            return paths.Any(p => p is "-h" or "--help") ? 0 : 2;
        }
        IReadOnlyList<string> files;
        try
        {
            files = StandardLogImporter.Expand(paths);
        }
        catch (FileNotFoundException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 2;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        IBusControl? bus = null;
        try
        {
            if (!dryRun)
            {
                var messaging = Environment.GetEnvironmentVariable("ConnectionStrings__messaging");
                if (string.IsNullOrWhiteSpace(messaging))
                {
                    await error.WriteLineAsync("ConnectionStrings__messaging is not set: it must name the RabbitMQ bus (amqp://…), or use --dry-run.");
                    return 2;
                }
                bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(new Uri(messaging)));
                using var startTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                startTimeout.CancelAfter(TimeSpan.FromSeconds(60));
                await bus.StartAsync(startTimeout.Token);
            }
            var target = bus;
            var importer = new StandardLogImporter(target is null ? null : (batch, ct) => target.Publish(batch, ct));
            var summary = await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask($"Importing {files.Count} file(s)", maxValue: Math.Max(1, files.Count));
                    var progress = new SynchronousProgress(p =>
                    {
                        task.Description = $"{Path.GetFileName(p.File)} ({p.FileIndex}/{p.FileCount}) · {p.Lines:N0} lines";
                        task.Value = p.FileIndex - 1 + (p.FileBytes > 0 ? (double)p.FileBytesRead / p.FileBytes : 1);
                    });
                    var result = await importer.ImportAsync(files, progress, cancellationToken);
                    task.Value = task.MaxValue;
                    return result;
                });
            Render(console, summary, dryRun);
            return summary.Errors.Any(e => !e.Contains("#Fields", StringComparison.Ordinal)) ? 1 : 0;
        }
        finally
        {
            if (bus is not null)
            {
                await bus.StopAsync(CancellationToken.None);
            }
        }
    }

    private static void Render(IAnsiConsole console, ImportSummary summary, bool dryRun)
    {
        var table = new Table().AddColumn("").AddColumn(new TableColumn("count").RightAligned());
        table.AddRow("files", $"{summary.Files:N0}");
        table.AddRow("lines read", $"{summary.Lines:N0}");
        table.AddRow("accepted", $"{summary.Accepted:N0}");
        table.AddRow("rejected", $"{summary.Rejected:N0}");
        foreach (var (reason, count) in summary.RejectedByReason.OrderByDescending(r => r.Value))
        {
            table.AddRow($"  {reason}", $"{count:N0}");
        }
        table.AddRow(dryRun ? "batches (dry run, not published)" : "batches published", $"{summary.Batches:N0}");
        console.Write(table);
        foreach (var sample in summary.Samples)
        {
            console.MarkupLineInterpolated($"[grey]rejected {sample}[/]");
        }
        foreach (var problem in summary.Errors)
        {
            console.MarkupLineInterpolated($"[red]{problem}[/]");
        }
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and lag behind the summary).</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
