namespace CdnPulse.Deploy.Tests;

[Collection(SynthCollection.Name)]
public sealed class SynthCommandTests(SynthesizedStacks stacks)
{
    [Fact]
    public void Writes_the_cloud_assembly_to_the_folder_given()
    {
        Assert.Contains($"Synthesized stack {CdnPulseApp.StackName} to ", stacks.CommandOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(stacks.Folder, "default", "manifest.json")));
        // No bootstrap-version rule: plain CloudFormation can deploy the template.
        Assert.False(stacks.Default.Root.ContainsKey("Rules"));
        Assert.Equal(
            [CdnPulseStack.CertificateArnParameter, CdnPulseStack.HostNameParameter, CdnPulseStack.ImageTagParameter],
            stacks.Default.Root["Parameters"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Rejects_an_unknown_ingest_path()
    {
        var error = new StringWriter();

        var exitCode = SynthCommand.Run([Path.Combine(stacks.Folder, "bad"), "-c", "cdnpulse:ingestPath=s3"], TextWriter.Null, error);

        Assert.Equal(2, exitCode);
        Assert.Contains("cdnpulse:ingestPath 's3'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_an_unknown_option()
    {
        var error = new StringWriter();

        Assert.Equal(2, SynthCommand.Run(["--bogus"], TextWriter.Null, error));
        Assert.StartsWith("usage:", error.ToString(), StringComparison.Ordinal);
    }
}
