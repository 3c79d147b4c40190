using Amazon.CDK.AWS.EC2;
using Constructs;

namespace CdnPulse.Deploy.Components;

/// <summary>Two AZs: public subnets for the load balancer and NAT, private ones for tasks, RDS and the broker.</summary>
public sealed class Network : Construct
{
    public Network(Construct scope, string id)
        : base(scope, id)
    {
        Vpc = new Vpc(this, "Vpc", new VpcProps
        {
            MaxAzs = 2,
            // One NAT gateway: tasks reach ECR, Secrets Manager, Kinesis and CloudWatch through it. Use one per AZ for HA.
            NatGateways = 1,
            SubnetConfiguration =
            [
                new SubnetConfiguration { Name = "public", SubnetType = SubnetType.PUBLIC, CidrMask = 24 },
                new SubnetConfiguration { Name = "private", SubnetType = SubnetType.PRIVATE_WITH_EGRESS, CidrMask = 22 },
            ],
        });
        Services = new SecurityGroup(this, "Services", new SecurityGroupProps
        {
            Vpc = Vpc,
            Description = "CdnPulse ECS tasks",
            AllowAllOutbound = true,
        });
    }

    public Vpc Vpc { get; }

    /// <summary>Every CdnPulse task; RDS and the broker admit this group only.</summary>
    public SecurityGroup Services { get; }

    public static SubnetSelection PrivateSubnets => new() { SubnetType = SubnetType.PRIVATE_WITH_EGRESS };
}
