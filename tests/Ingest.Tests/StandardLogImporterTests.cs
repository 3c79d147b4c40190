using System.IO.Compression;
using System.Text;
using CdnPulse.CdnLogs;
using CdnPulse.Contracts;
using CdnPulse.Ingest.StandardLogs;

namespace CdnPulse.Ingest.Tests;

public sealed class StandardLogImporterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cdnpulse-std-" + Guid.NewGuid().ToString("N"));

    public StandardLogImporterTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Reads_gzip_and_plain_files_into_batches_named_by_file_and_line_range()
    {
        var lines = Enumerable.Range(1, StandardLogImporter.LinesPerBatch + 10).Select(n => StandardLogLines.Line(n)).ToList();
        WriteGzip("EDFDVBD6EXAMPLE.2026-01-15-10.a1b2c3d4.gz", StandardLogLines.Header + "\n" + string.Join("\n", lines) + "\n");
        File.WriteAllText(Path.Combine(_folder, "plain.log"), StandardLogLines.Header + "\n" + StandardLogLines.DocumentedExample + "\n");
        var published = new List<LogBatchReceived>();

        var summary = await new StandardLogImporter((batch, _) => Add(published, batch))
            .ImportAsync(StandardLogImporter.Expand([_folder]), null, CancellationToken.None);

        // Physical lines: 2 header lines + 5010 data lines = 5012 in the gzip file, split after line 5000.
        Assert.Equal(
            ["standard:EDFDVBD6EXAMPLE.2026-01-15-10.a1b2c3d4.gz:1-5000", "standard:EDFDVBD6EXAMPLE.2026-01-15-10.a1b2c3d4.gz:5001-5012", "standard:plain.log:1-3"],
            published.Select(b => b.BatchId));
        Assert.Equal([4998, 12, 1], published.Select(b => b.Requests.Count));
        Assert.All(published, b => Assert.Equal(StandardLogImporter.Source, b.Source));
        Assert.Equal((2, 5011L, 5011L, 0L, 3L), (summary.Files, summary.Lines, summary.Accepted, summary.Rejected, summary.Batches));
        Assert.Equal("/std/1", published[0].Requests[0].UriStem);
        Assert.Equal("/index.html", published[2].Requests[0].UriStem);
    }

    [Fact]
    public async Task Gives_the_same_batch_ids_when_a_file_is_imported_again_from_another_folder()
    {
        var text = StandardLogLines.Header + "\n" + StandardLogLines.Line(1) + "\n";
        WriteGzip("E1.2026-01-15-10.x.gz", text);
        var copy = Path.Combine(_folder, "copy");
        Directory.CreateDirectory(copy);
        File.Copy(Path.Combine(_folder, "E1.2026-01-15-10.x.gz"), Path.Combine(copy, "E1.2026-01-15-10.x.gz"));
        var published = new List<LogBatchReceived>();
        var importer = new StandardLogImporter((batch, _) => Add(published, batch));

        await importer.ImportAsync([Path.Combine(_folder, "E1.2026-01-15-10.x.gz")], null, CancellationToken.None);
        await importer.ImportAsync([Path.Combine(copy, "E1.2026-01-15-10.x.gz")], null, CancellationToken.None);

        Assert.Equal(published[0].BatchId, published[1].BatchId);
    }

    [Fact]
    public async Task Counts_bad_lines_by_reason_and_keeps_the_good_ones_of_the_same_batch()
    {
        var text = string.Join("\n", StandardLogLines.Header, StandardLogLines.Line(1), StandardLogLines.Line(2, ip: "nope"),
            "too\tfew\tfields", StandardLogLines.Line(3, status: "2x0"), new string('z', 70_000), StandardLogLines.Line(4));
        File.WriteAllText(Path.Combine(_folder, "bad.log"), text);
        var published = new List<LogBatchReceived>();

        var summary = await new StandardLogImporter((batch, _) => Add(published, batch))
            .ImportAsync([Path.Combine(_folder, "bad.log")], null, CancellationToken.None);

        var batch = Assert.Single(published);
        Assert.Equal(["/std/1", "/std/4"], batch.Requests.Select(r => r.UriStem));
        Assert.Equal(4, batch.RejectedLines);
        Assert.Equal(new Dictionary<LineRejectReason, long>
        {
            [LineRejectReason.BadIp] = 1,
            [LineRejectReason.WrongFieldCount] = 1,
            [LineRejectReason.BadNumber] = 1,
            [LineRejectReason.Oversize] = 1,
        }, summary.RejectedByReason);
        Assert.Contains(summary.Samples, s => s.StartsWith("bad.log:5 WrongFieldCount", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reports_a_corrupt_gzip_file_and_goes_on_with_the_next()
    {
        var broken = Gzip(StandardLogLines.Header + "\n" + StandardLogLines.Line(1) + "\n");
        broken[3] = 0xff;   // FLG with reserved bits set: not a valid gzip member
        broken[10] ^= 0xff;
        File.WriteAllBytes(Path.Combine(_folder, "a-broken.gz"), broken);
        File.WriteAllText(Path.Combine(_folder, "b-fine.log"), StandardLogLines.Header + "\n" + StandardLogLines.Line(2) + "\n");
        var published = new List<LogBatchReceived>();

        var summary = await new StandardLogImporter((batch, _) => Add(published, batch))
            .ImportAsync(StandardLogImporter.Expand([_folder]), null, CancellationToken.None);

        Assert.Contains(summary.Errors, e => e.Contains("a-broken.gz", StringComparison.Ordinal));
        Assert.Contains(published, b => b.BatchId == "standard:b-fine.log:1-3");
    }

    [Fact]
    public async Task Reads_a_file_without_headers_with_cloudfronts_field_list_and_publishes_nothing_in_a_dry_run()
    {
        File.WriteAllText(Path.Combine(_folder, "bare.log"), StandardLogLines.Line(1) + "\n" + StandardLogLines.Line(2) + "\n");

        var summary = await new StandardLogImporter(publish: null).ImportAsync([Path.Combine(_folder, "bare.log")], null, CancellationToken.None);

        Assert.Equal((2L, 2L, 1L), (summary.Lines, summary.Accepted, summary.Batches));
    }

    private static Task Add(List<LogBatchReceived> published, LogBatchReceived batch)
    {
        published.Add(batch);
        return Task.CompletedTask;
    }

    private void WriteGzip(string name, string text) => File.WriteAllBytes(Path.Combine(_folder, name), Gzip(text));

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            zip.Write(Encoding.UTF8.GetBytes(text));
        }
        return buffer.ToArray();
    }
}
