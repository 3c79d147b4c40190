using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using CdnPulse.Deploy.Wiring;

namespace CdnPulse.Deploy.Components;

/// <summary>
/// What a <see cref="FargateApp"/> needs. <c>SingleInstance</c>: never two tasks at once, not even during a deployment
/// (Ingest reading Kinesis itself).
/// </summary>
public sealed record FargateAppProps(
    DeployedService Service,
    ICluster Cluster,
    ContainerImage Image,
    ContainerWiring Wiring,
    ISecurityGroup SecurityGroup,
    IApplicationListener Listener,
    int DesiredCount,
    bool SingleInstance);
