using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.SecretsManager;
using CdnPulse.Hosting;
using Constructs;

namespace CdnPulse.Deploy.Components;

/// <summary>
/// RDS PostgreSQL holding the event store (database <c>events</c>), its generated master credentials, and a second
/// secret with the whole Npgsql connection string (ConnectionStrings__events), assembled by CloudFormation from a
/// dynamic reference so the password never appears in the template.
/// </summary>
public sealed class EventsDatabase : Construct
{
    public const string UserName = "cdnpulse";

    // RDS forbids / @ " and space; ; and = would break the connection string. The rest of the usual set is for shells.
    private const string ExcludedPasswordCharacters = " %+~`#$&*()|[]{}:;<>?!'/@\"\\=,";

    public EventsDatabase(Construct scope, string id, Network network)
        : base(scope, id)
    {
        Instance = new DatabaseInstance(this, "Instance", new DatabaseInstanceProps
        {
            Engine = DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = PostgresEngineVersion.VER_15 }),
            InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.BURSTABLE4_GRAVITON, InstanceSize.SMALL),
            Vpc = network.Vpc,
            VpcSubnets = Network.PrivateSubnets,
            Credentials = Credentials.FromGeneratedSecret(UserName, new CredentialsBaseOptions { ExcludeCharacters = ExcludedPasswordCharacters }),
            DatabaseName = SystemModel.Events,
            AllocatedStorage = 20,
            MaxAllocatedStorage = 200,
            StorageEncrypted = true,
            BackupRetention = Duration.Days(7),
            CloudwatchLogsExports = ["postgresql"],
            PubliclyAccessible = false,
        });
        Instance.Connections.AllowDefaultPortFrom(network.Services, "CdnPulse services");

        var password = Instance.Secret!.SecretValueFromJson("password").UnsafeUnwrap();
        ConnectionString = new Secret(this, "ConnectionString", new SecretProps
        {
            Description = "ConnectionStrings__events: Npgsql connection string of the CdnPulse event store.",
            // Only tokens here: the endpoint attributes and a {{resolve:secretsmanager:...}} reference to the password.
            SecretStringValue = SecretValue.UnsafePlainText(
                $"Host={Instance.DbInstanceEndpointAddress};Port={Instance.DbInstanceEndpointPort};Database={SystemModel.Events};"
                + $"Username={UserName};Password={password};SSL Mode=Require"),
        });
    }

    public DatabaseInstance Instance { get; }

    public Secret ConnectionString { get; }
}
