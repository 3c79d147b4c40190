using Amazon.CDK.AWS.SecretsManager;
using Constructs;

namespace CdnPulse.Deploy.Components;

/// <summary>The two generated keys of aspire-manifest.json's parameters: the API key and the Firehose access key.</summary>
public sealed class AppSecrets : Construct
{
    /// <summary>The JSON field Firehose reads from an HTTP endpoint destination's secret.</summary>
    public const string FirehoseAccessKeyField = "api_key";

    public AppSecrets(Construct scope, string id)
        : base(scope, id)
    {
        ApiKey = new Secret(this, "ApiKey", new SecretProps
        {
            Description = "CdnPulse API key: clients send it as x-api-key to the metrics and alarms APIs.",
            GenerateSecretString = new SecretStringGenerator { ExcludePunctuation = true, PasswordLength = 40 },
        });
        FirehoseAccessKey = new Secret(this, "FirehoseAccessKey", new SecretProps
        {
            Description = "The access key Firehose sends to Ingest's /firehose (X-Amz-Firehose-Access-Key).",
            GenerateSecretString = new SecretStringGenerator
            {
                SecretStringTemplate = "{}",
                GenerateStringKey = FirehoseAccessKeyField,
                ExcludePunctuation = true,
                PasswordLength = 40,
            },
        });
    }

    public Secret ApiKey { get; }

    /// <summary>JSON <c>{"api_key": "..."}</c>, the shape Firehose's Secrets Manager integration requires.</summary>
    public Secret FirehoseAccessKey { get; }
}
