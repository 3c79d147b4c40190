using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.Logs;
using Constructs;
using EcsHealthCheck = Amazon.CDK.AWS.ECS.HealthCheck;
using TargetHealthCheck = Amazon.CDK.AWS.ElasticLoadBalancingV2.HealthCheck;

namespace CdnPulse.Deploy.Components;

/// <summary>
/// One CdnPulse service on Fargate: task definition, container (environment + secrets), log group, service in the
/// private subnets, container health check on /health, and, for public services, a target group behind the listener.
/// </summary>
public sealed class FargateApp : Construct
{
    public const int ContainerPort = 8080;
    public const int MaxPathsPerRule = 3;

    public FargateApp(Construct scope, string id, FargateAppProps props)
        : base(scope, id)
    {
        var name = props.Service.Name;
        Logs = ServiceLogGroup.Create(this, name);
        TaskDefinition = new FargateTaskDefinition(this, "Task", new FargateTaskDefinitionProps
        {
            Cpu = 512,
            MemoryLimitMiB = 1024,
            RuntimePlatform = new RuntimePlatform
            {
                CpuArchitecture = CpuArchitecture.X86_64,
                OperatingSystemFamily = OperatingSystemFamily.LINUX,
            },
        });
        Container = TaskDefinition.AddContainer(name, new ContainerDefinitionOptions
        {
            ContainerName = name,
            Image = props.Image,
            Environment = props.Wiring.Environment.ToDictionary(),
            Secrets = props.Wiring.Secrets.ToDictionary(),
            Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { LogGroup = Logs, StreamPrefix = name }),
            PortMappings = [new PortMapping { ContainerPort = ContainerPort, Name = "http" }],
            // The image must carry curl (docs/deployment.md); /health checks the service's own dependencies.
            HealthCheck = new EcsHealthCheck
            {
                Command = ["CMD-SHELL", $"curl -fsS http://localhost:{ContainerPort}/health || exit 1"],
                Interval = Duration.Seconds(15),
                Timeout = Duration.Seconds(5),
                Retries = 3,
                StartPeriod = Duration.Seconds(60),
            },
            StopTimeout = Duration.Seconds(40),
        });
        Service = new FargateService(this, "Service", new FargateServiceProps
        {
            Cluster = props.Cluster,
            TaskDefinition = TaskDefinition,
            DesiredCount = props.DesiredCount,
            MinHealthyPercent = props.SingleInstance ? 0 : 100,
            MaxHealthyPercent = props.SingleInstance ? 100 : 200,
            SecurityGroups = [props.SecurityGroup],
            VpcSubnets = Network.PrivateSubnets,
            AssignPublicIp = false,
            CircuitBreaker = new DeploymentCircuitBreaker { Rollback = true },
            HealthCheckGracePeriod = props.Service.IsPublic ? Duration.Seconds(60) : null,
        });
        if (props.Service.IsPublic)
        {
            Route(id, props);
        }
    }

    public LogGroup Logs { get; }

    public FargateTaskDefinition TaskDefinition { get; }

    public ContainerDefinition Container { get; }

    public FargateService Service { get; }

    // An ALB condition takes at most three path patterns: one target group, one rule per three paths.
    private void Route(string id, FargateAppProps props)
    {
        var chunks = props.Service.RoutePaths.Chunk(MaxPathsPerRule).ToList();
        var targetGroup = props.Listener.AddTargets(id, new AddApplicationTargetsProps
        {
            Priority = props.Service.ListenerPriority,
            Conditions = [ListenerCondition.PathPatterns(chunks[0])],
            Port = ContainerPort,
            Protocol = ApplicationProtocol.HTTP,
            Targets = [Service.LoadBalancerTarget(new LoadBalancerTargetOptions { ContainerName = Container.ContainerName, ContainerPort = ContainerPort })],
            HealthCheck = new TargetHealthCheck
            {
                Path = "/health",
                HealthyHttpCodes = "200",
                Interval = Duration.Seconds(15),
                HealthyThresholdCount = 2,
            },
            DeregistrationDelay = Duration.Seconds(30),
        });
        for (var i = 1; i < chunks.Count; i++)
        {
            props.Listener.AddTargetGroups($"{id}{i + 1}", new AddApplicationTargetGroupsProps
            {
                Priority = props.Service.ListenerPriority + i,
                Conditions = [ListenerCondition.PathPatterns(chunks[i])],
                TargetGroups = [targetGroup],
            });
        }
    }
}
