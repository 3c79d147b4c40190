using System.IO.Compression;
using CdnPulse.CdnLogs;
using CdnPulse.Contracts;

namespace CdnPulse.Ingest.StandardLogs;

/// <summary>
/// Feeds CloudFront standard log files (W3C, <c>#Version</c>/<c>#Fields</c> headers, gzip or plain, told apart by
/// content) into the pipeline as <see cref="LogBatchReceived"/> messages. Each run of <see cref="LinesPerBatch"/>
/// physical lines of a file is one batch with the id <c>standard:&lt;file name&gt;:&lt;first line&gt;-&lt;last line&gt;</c>,
/// so importing a file again (from any folder) yields the same ids and downstream counts nothing twice. A file without a
/// #Fields header is read with CloudFront's documented field list. A bad line is counted with its reason; a file that
/// cannot be read to its end (corrupt gzip) is reported and the import goes on with the next file.
/// </summary>
/// <param name="publish">Where batches go; null for a dry run that only reads and counts.</param>
public sealed class StandardLogImporter(Func<LogBatchReceived, CancellationToken, Task>? publish)
{
    /// <summary>Fixed: batch ids depend on it.</summary>
    public const int LinesPerBatch = 5000;

    public const string Source = "standard-log";

    private const int ProgressEveryLines = 10_000;

    /// <summary>The files to import: each path that is a file, and every file under each path that is a folder (sorted by name).</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new FileNotFoundException($"No file or folder at '{path}'.", path);
            }
        }
        return files;
    }

    public async Task<ImportSummary> ImportAsync(IReadOnlyList<string> files, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var summary = new ImportSummary();
        for (var i = 0; i < files.Count; i++)
        {
            summary.Files++;
            try
            {
                await ImportFileAsync(files[i], i + 1, files.Count, summary, progress, cancellationToken);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                summary.AddError($"{files[i]}: {ex.Message}");
            }
        }
        return summary;
    }

    private async Task ImportFileAsync(string path, int index, int count, ImportSummary summary, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var fileBytes = file.Length;
        await using var content = await IsGzipAsync(file, cancellationToken) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        var parser = new StandardLogParser(StandardLogFormat.CloudFront);
        var reader = new Utf8LineReader(content, parser.MaxLineBytes);
        var batch = new Batch(name);
        void Report() => progress?.Report(new ImportProgress(path, index, count, file.Position, fileBytes, summary.Lines, summary.Accepted, summary.Rejected));

        while (await reader.ReadLineAsync(cancellationToken) is { } memory)
        {
            var number = reader.LineNumber;
            var line = memory.Span;
            batch.Extend(number);
            if (StandardLogParser.IsDirective(line))
            {
                if (line.StartsWith("#Fields:"u8))
                {
                    if (StandardLogFormat.TryParseHeader(line, out var format, out var error))
                    {
                        parser = new StandardLogParser(format!);
                    }
                    else
                    {
                        summary.AddError($"{path}:{number}: unusable #Fields header ({error}); the lines below it are read with the previous fields.");
                    }
                }
            }
            else
            {
                summary.Lines++;
                if (parser.TryParse(line, out var request, out var reason))
                {
                    batch.Requests.Add(request);
                }
                else
                {
                    batch.Rejects.Add(reason, (int)Math.Min(number, int.MaxValue), line);
                }
            }
            if (batch.LineCount == LinesPerBatch)
            {
                await FlushAsync(batch, summary, cancellationToken);
                batch = new Batch(name);
            }
            if (number % ProgressEveryLines == 0)
            {
                Report();
            }
        }
        await FlushAsync(batch, summary, cancellationToken);
        Report();
    }

    private async Task FlushAsync(Batch batch, ImportSummary summary, CancellationToken cancellationToken)
    {
        summary.Accepted += batch.Requests.Count;
        summary.AddRejects(batch.File, batch.Rejects);
        if (batch.Requests.Count == 0 && batch.Rejects.Total == 0)
        {
            return;
        }
        if (publish is not null)
        {
            await publish(new LogBatchReceived($"standard:{batch.File}:{batch.First}-{batch.Last}", Source, DateTimeOffset.UtcNow,
                batch.Requests, batch.Rejects.Total), cancellationToken);
        }
        summary.Batches++;
    }

    private static async Task<bool> IsGzipAsync(FileStream file, CancellationToken cancellationToken)
    {
        var magic = new byte[2];
        var read = await file.ReadAtLeastAsync(magic, 2, throwOnEndOfStream: false, cancellationToken);
        file.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    /// <summary>The physical lines <see cref="First"/>..<see cref="Last"/> of a file and what they held.</summary>
    private sealed class Batch(string file)
    {
        public string File { get; } = file;

        public long First { get; private set; }

        public long Last { get; private set; }

        public long LineCount => First == 0 ? 0 : Last - First + 1;

        public List<CdnRequest> Requests { get; } = [];

        public RejectCounter Rejects { get; } = new();

        public void Extend(long lineNumber)
        {
            if (First == 0)
            {
                First = lineNumber;
            }
            Last = lineNumber;
        }
    }
}
