using Amazon.CDK;

namespace CdnPulse.Deploy;

/// <summary>The CDK app: one stack, synthesized offline to a cloud assembly folder.</summary>
public static class CdnPulseApp
{
    public const string StackName = "CdnPulse";

    /// <summary>
    /// Synthesizes the <see cref="CdnPulseStack"/> into <paramref name="outputFolder"/> and returns the template's path.
    /// <paramref name="context"/> holds <c>cdnpulse:*</c> settings (see <see cref="DeploySettings"/>); the CDK CLI's
    /// <c>-c</c> values arrive through CDK_CONTEXT_JSON and are read too.
    /// </summary>
    public static string Synthesize(string outputFolder, IReadOnlyDictionary<string, string>? context = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        JsiiEnvironment.Apply();
        var app = new App(new AppProps
        {
            Outdir = Path.GetFullPath(outputFolder),
            Context = context?.ToDictionary(kv => kv.Key, kv => (object)kv.Value) ?? [],
        });
        var settings = DeploySettings.FromContext(app.Node);
        _ = new CdnPulseStack(app, StackName, settings, new StackProps
        {
            Description = "CdnPulse: CloudFront real-time logs to CDN metrics, alarms and a metrics API (ECS Fargate, RDS, Amazon MQ).",
            // No assets and no bootstrap-version rule: the template also deploys with plain `aws cloudformation deploy`.
            Synthesizer = new DefaultStackSynthesizer(new DefaultStackSynthesizerProps { GenerateBootstrapVersionRule = false }),
        });
        return app.Synth().GetStackByName(StackName).TemplateFullPath;
    }
}
