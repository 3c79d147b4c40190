using CdnPulse.LoadGen.Running;

namespace CdnPulse.LoadGen.Sinks;

/// <summary>Writes the lines to a file (or standard output), in order; a batch counts once it is flushed.</summary>
public sealed class FileSink : ILineSink
{
    private readonly Stream _stream;

    private FileSink(Stream stream) => _stream = stream;

    public string Name => "file";

    public int MaxRecordsPerBatch => 4096;

    public int MaxConcurrency => 1;

    /// <summary>Creates or truncates <paramref name="path"/>; "-" is standard output.</summary>
    public static FileSink Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path == "-")
        {
            return new FileSink(Console.OpenStandardOutput());
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        return new FileSink(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16, useAsync: true));
    }

    public async Task DeliverAsync(LineBatch batch, RunCounters counters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var record in batch.Records)
        {
            await _stream.WriteAsync(record, cancellationToken);
        }

        await _stream.FlushAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
