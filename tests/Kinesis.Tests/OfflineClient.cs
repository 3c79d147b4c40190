using Amazon.Runtime;

namespace CdnPulse.Kinesis.Tests;

/// <summary>A client signing with fixed, recognisable credentials over a <see cref="RecordingHandler"/>: no network.</summary>
public static class OfflineClient
{
    public const string AccessKeyId = "AKIAIOSFODNN7EXAMPLE";
    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    public static KinesisClient Create(RecordingHandler handler, string region = "eu-west-1") =>
        KinesisClient.Create(new KinesisOptions { Region = region }, new BasicAWSCredentials(AccessKeyId, SecretAccessKey), handler);
}
