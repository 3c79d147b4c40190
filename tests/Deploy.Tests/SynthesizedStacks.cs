namespace CdnPulse.Deploy.Tests;

/// <summary>
/// Synthesizes the stack twice, once through the command line entry (default settings) and once with the Kinesis ingest
/// path, into a temporary folder. The jsii runtime starts once for the collection (~5-9 s); a synth takes well under a second.
/// </summary>
public sealed class SynthesizedStacks : IDisposable
{
    public SynthesizedStacks()
    {
        Folder = Path.Combine(Path.GetTempPath(), "cdnpulse-deploy-tests-" + Guid.NewGuid().ToString("N")[..8]);
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = SynthCommand.Run([Path.Combine(Folder, "default")], output, error);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"cdnpulse-deploy exited with {exitCode}: {error}");
        }
        Default = StackTemplate.Load(Path.Combine(Folder, "default", CdnPulseApp.StackName + ".template.json"));
        KinesisPath = StackTemplate.Load(CdnPulseApp.Synthesize(
            Path.Combine(Folder, "kinesis"), new Dictionary<string, string> { [DeploySettings.IngestPathKey] = "kinesis" }));
        CommandOutput = output.ToString();
    }

    public string Folder { get; }

    public StackTemplate Default { get; }

    public StackTemplate KinesisPath { get; }

    public string CommandOutput { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
