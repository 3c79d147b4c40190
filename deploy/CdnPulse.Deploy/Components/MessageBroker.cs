using Amazon.CDK;
using Amazon.CDK.AWS.AmazonMQ;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;

namespace CdnPulse.Deploy.Components;

/// <summary>
/// Amazon MQ for RabbitMQ in one private subnet, its generated user, and the amqps:// URI the services read as
/// ConnectionStrings__messaging (a secret built from a dynamic reference, like the database's).
/// </summary>
public sealed class MessageBroker : Construct
{
    public const string UserName = "cdnpulse";
    public const int AmqpsPort = 5671;

    public MessageBroker(Construct scope, string id, Network network)
        : base(scope, id)
    {
        Credentials = new Secret(this, "Credentials", new SecretProps
        {
            Description = "CdnPulse RabbitMQ broker user.",
            // Letters and digits only: Amazon MQ forbids , : = and the password sits unescaped in a URI.
            GenerateSecretString = new SecretStringGenerator
            {
                SecretStringTemplate = $$"""{"username":"{{UserName}}"}""",
                GenerateStringKey = "password",
                ExcludePunctuation = true,
                PasswordLength = 32,
            },
        });
        SecurityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps
        {
            Vpc = network.Vpc,
            Description = "CdnPulse RabbitMQ broker",
            AllowAllOutbound = false,
        });
        SecurityGroup.AddIngressRule(network.Services, Port.Tcp(AmqpsPort), "AMQPS from CdnPulse services");

        var password = Credentials.SecretValueFromJson("password").UnsafeUnwrap();
        Broker = new CfnBroker(this, "Broker", new CfnBrokerProps
        {
            BrokerName = $"{Stack.Of(this).StackName}-messaging",
            EngineType = "RABBITMQ",
            EngineVersion = "3.13",
            // 3.13 is only offered with automatic minor upgrades.
            AutoMinorVersionUpgrade = true,
            HostInstanceType = "mq.t3.micro",
            DeploymentMode = "SINGLE_INSTANCE",
            PubliclyAccessible = false,
            SubnetIds = [network.Vpc.PrivateSubnets[0].SubnetId],
            SecurityGroups = [SecurityGroup.SecurityGroupId],
            Users = new object[] { new CfnBroker.UserProperty { Username = UserName, Password = password } },
            Logs = new CfnBroker.LogListProperty { General = true },
        });

        // AmqpEndpoints is ["amqps://b-<id>.mq.<region>.amazonaws.com:5671"]: keep host:port, put the user in front.
        var hostAndPort = Fn.Select(1, Fn.Split("://", Fn.Select(0, Broker.AttrAmqpEndpoints)));
        ConnectionString = new Secret(this, "ConnectionString", new SecretProps
        {
            Description = "ConnectionStrings__messaging: amqps:// URI of the CdnPulse RabbitMQ broker.",
            SecretStringValue = SecretValue.UnsafePlainText($"amqps://{UserName}:{password}@{hostAndPort}"),
        });
    }

    public Secret Credentials { get; }

    public SecurityGroup SecurityGroup { get; }

    public CfnBroker Broker { get; }

    public Secret ConnectionString { get; }
}
