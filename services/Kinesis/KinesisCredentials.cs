using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace CdnPulse.Kinesis;

/// <summary>Finds credentials the way the AWS SDKs do; only a local (loopback) endpoint may fall back to placeholders.</summary>
internal static class KinesisCredentials
{
    // kinesalite insists on an Authorization header but never checks the signature, so any key pair will do.
    private const string LocalAccessKeyId = "LOCALKINESIS";
    private const string LocalSecretAccessKey = "local-kinesis-not-verified";

    public static AWSCredentials Resolve(KinesisOptions options)
    {
        try
        {
            // Environment (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY), web identity, profile, then container/instance metadata.
            return new DefaultAWSCredentialsIdentityResolver().ResolveIdentity(null)
                ?? throw new AmazonClientException("The default credential chain returned no credentials.");
        }
        catch (AmazonClientException ex)
        {
            if (options.IsLocalEndpoint())
            {
                return new BasicAWSCredentials(LocalAccessKeyId, LocalSecretAccessKey);
            }
            throw new InvalidOperationException(
                $"No AWS credentials found for Kinesis at {options.GetEndpoint()}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
                + "configure a profile (AWS_PROFILE), or run with an instance or container role.", ex);
        }
    }
}
