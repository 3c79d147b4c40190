using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CdnPulse.Ingest.Firehose;

/// <summary>Checks X-Amz-Firehose-Access-Key in constant time (fixed-length hashes compared with FixedTimeEquals).</summary>
public sealed class FirehoseAccessKey(IOptions<FirehoseOptions> options)
{
    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.AccessKey ?? ""));

    public bool IsValid(string? presented) =>
        !string.IsNullOrEmpty(presented)
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _expected);
}
