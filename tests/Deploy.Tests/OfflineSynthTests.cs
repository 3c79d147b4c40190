using System.Diagnostics;

namespace CdnPulse.Deploy.Tests;

/// <summary>
/// The synthesis needs no network: the command runs in a network namespace of its own (no interface, no route, no DNS)
/// and writes the same template as the in-process synthesis. The script first proves that the namespace really is cut
/// off, so the test cannot pass by accident on a machine with network.
/// </summary>
[Collection(SynthCollection.Name)]
public sealed class OfflineSynthTests(SynthesizedStacks stacks)
{
    private const string Script = """
        if (exec 3<>/dev/tcp/1.1.1.1/443) 2>/dev/null; then echo "network reachable inside the namespace"; exit 3; fi
        exec dotnet "$0" "$1"
        """;

    [Fact]
    public async Task Synthesizes_the_same_template_in_a_network_namespace_without_any_network()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var folder = Path.Combine(stacks.Folder, "offline");
        var command = Path.Combine(AppContext.BaseDirectory, "cdnpulse-deploy.dll");
        var start = new ProcessStartInfo("unshare") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--net", "--map-root-user", "bash", "-c", Script, command, folder })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}: {await output} {await error}");
        Assert.Contains($"Synthesized stack {CdnPulseApp.StackName} to ", await output, StringComparison.Ordinal);
        var offline = StackTemplate.Load(Path.Combine(folder, CdnPulseApp.StackName + ".template.json"));
        Assert.Equal(stacks.Default.Root.ToJsonString(), offline.Root.ToJsonString());
    }
}
