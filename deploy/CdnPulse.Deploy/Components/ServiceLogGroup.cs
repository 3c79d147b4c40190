using Amazon.CDK;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace CdnPulse.Deploy.Components;

/// <summary>A task's log group: <c>/cdnpulse/&lt;stack&gt;/&lt;service&gt;</c>, kept 30 days.</summary>
public static class ServiceLogGroup
{
    public const RetentionDays Retention = RetentionDays.ONE_MONTH;

    public static LogGroup Create(Construct scope, string service) => new(scope, "Logs", new LogGroupProps
    {
        LogGroupName = $"/cdnpulse/{Stack.Of(scope).StackName}/{service}",
        Retention = Retention,
        // Logs go with the stack; a retained group with this name would block re-creating the stack.
        RemovalPolicy = RemovalPolicy.DESTROY,
    });
}
