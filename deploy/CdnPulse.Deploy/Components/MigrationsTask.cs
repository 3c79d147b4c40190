using Amazon.CDK.AWS.ECS;
using CdnPulse.Deploy.Wiring;
using Constructs;

namespace CdnPulse.Deploy.Components;

/// <summary>
/// The schema step (<c>cdnpulse-admin migrate</c>) as a task definition without a service: run it once per release
/// with <c>aws ecs run-task</c> before the services need the new schema.
/// </summary>
public sealed class MigrationsTask : Construct
{
    public MigrationsTask(Construct scope, string id, string name, IReadOnlyList<string> arguments, ContainerImage image, ContainerWiring wiring)
        : base(scope, id)
    {
        var logs = ServiceLogGroup.Create(this, name);
        TaskDefinition = new FargateTaskDefinition(this, "Task", new FargateTaskDefinitionProps
        {
            Cpu = 256,
            MemoryLimitMiB = 512,
            RuntimePlatform = new RuntimePlatform
            {
                CpuArchitecture = CpuArchitecture.X86_64,
                OperatingSystemFamily = OperatingSystemFamily.LINUX,
            },
        });
        TaskDefinition.AddContainer(name, new ContainerDefinitionOptions
        {
            ContainerName = name,
            Image = image,
            Command = [.. arguments],
            Environment = wiring.Environment.ToDictionary(),
            Secrets = wiring.Secrets.ToDictionary(),
            Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { LogGroup = logs, StreamPrefix = name }),
            Essential = true,
        });
    }

    public FargateTaskDefinition TaskDefinition { get; }
}
