using System.IO.Compression;
using System.Text;
using CdnPulse.Hosting;

namespace CdnPulse.Ingest.Tests;

/// <summary><c>cdnpulse-admin import</c> as a user runs it: a process reading a folder of standard logs and publishing to the real RabbitMQ.</summary>
[Collection(ServersCollection.Name)]
public sealed class ImportCommandTests(ServersFixture servers) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cdnpulse-import-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Imports_a_folder_of_gzip_and_plain_logs_with_a_summary_and_importing_again_counts_nothing_twice()
    {
        Directory.CreateDirectory(_folder);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var gzipName = $"E2EXAMPLE.2026-01-15-10.{tag}.gz";
        await using (var file = File.Create(Path.Combine(_folder, gzipName)))
        await using (var zip = new GZipStream(file, CompressionLevel.Fastest))
        {
            await zip.WriteAsync(Encoding.UTF8.GetBytes(StandardLogLines.Header + "\n" + string.Join("\n", Enumerable.Range(1, 3).Select(n => StandardLogLines.Line(n))) + "\n"));
        }
        var plainName = $"plain-{tag}.log";
        await File.WriteAllTextAsync(Path.Combine(_folder, plainName),
            StandardLogLines.Header + "\n" + StandardLogLines.Line(4) + "\n" + StandardLogLines.Line(5, ip: "999.0.0.1") + "\n");

        var output = await ImportAsync("first", _folder);

        string[] expectedIds = [$"standard:{gzipName}:1-5", $"standard:{plainName}:1-4"];
        await Eventually.HoldsAsync(() => expectedIds.All(id => servers.Received.Batches(b => b.BatchId == id).Count == 1),
            "both files' batches reached the bus", TimeSpan.FromSeconds(20), () => output);
        Assert.Equal([3, 1], expectedIds.Select(id => servers.Received.Batches(b => b.BatchId == id)[0].Requests.Count));
        Assert.Equal(1, servers.Received.Batches(b => b.BatchId == expectedIds[1])[0].RejectedLines);
        Assert.Contains("accepted", output, StringComparison.Ordinal);
        Assert.Contains("BadIp", output, StringComparison.Ordinal);

        await ImportAsync("second", _folder);
        await Eventually.HoldsAsync(() => expectedIds.All(id => servers.Received.Batches(b => b.BatchId == id).Count == 2),
            "the second import's batches reached the bus", TimeSpan.FromSeconds(20));
        Assert.Equal(2, servers.Received.Distinct($"standard:{gzipName}").Count + servers.Received.Distinct($"standard:{plainName}").Count);
    }

    [Fact]
    public async Task Fails_with_usage_for_a_path_that_does_not_exist()
    {
        var error = await Assert.ThrowsAsync<ResourceStartException>(() => ImportAsync("missing", Path.Combine(_folder, "nothing-here")));

        Assert.Contains("exit code 2", error.Message, StringComparison.Ordinal);
    }

    private async Task<string> ImportAsync(string run, string path)
    {
        var resource = $"import-{run}-{Guid.NewGuid():N}";
        await ManagedProcess.RunToCompletionAsync(resource, "dotnet", [BuildConfiguration.AssemblyPath(SystemModel.MigrationsStep), "import", path],
            servers.Log, TimeSpan.FromMinutes(1), CancellationToken.None,
            new Dictionary<string, string?> { ["ConnectionStrings__messaging"] = servers.Messaging.ConnectionString });
        return string.Join(Environment.NewLine, servers.Log.Tail(resource, 100));
    }
}
