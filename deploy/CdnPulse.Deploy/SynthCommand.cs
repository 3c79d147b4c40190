namespace CdnPulse.Deploy;

/// <summary>
/// <c>cdnpulse-deploy [output-folder] [-c key=value]...</c>: synthesizes the CloudFormation template offline. Without a
/// folder it writes to <c>CDK_OUTDIR</c> (set by the CDK CLI) or to <c>deploy/cdk.out</c> in the checkout.
/// </summary>
public static class SynthCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? folder = null;
        var context = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-c" or "--context" && i + 1 < args.Count && args[i + 1].IndexOf('=', StringComparison.Ordinal) > 0)
            {
                var pair = args[++i];
                var at = pair.IndexOf('=', StringComparison.Ordinal);
                context[pair[..at]] = pair[(at + 1)..];
            }
            else if (!arg.StartsWith('-') && folder is null)
            {
                folder = arg;
            }
            else
            {
                error.WriteLine("usage: cdnpulse-deploy [output-folder] [-c key=value]...");
                return 2;
            }
        }

        try
        {
            var template = CdnPulseApp.Synthesize(folder ?? DefaultOutputFolder(), context);
            output.WriteLine($"Synthesized stack {CdnPulseApp.StackName} to {template}");
            return 0;
        }
        catch (DeploySettingsException ex)
        {
            error.WriteLine(ex.Message);
            return 2;
        }
    }

    private static string DefaultOutputFolder() =>
        Environment.GetEnvironmentVariable("CDK_OUTDIR") is { Length: > 0 } cdkOutDir
            ? cdkOutDir
            : JsiiEnvironment.FindRepositoryRoot() is { } root ? Path.Combine(root, "deploy", "cdk.out") : "cdk.out";
}
