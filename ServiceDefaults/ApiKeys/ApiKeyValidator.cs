using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CdnPulse.ServiceDefaults.ApiKeys;

/// <summary>
/// Compares a presented key with the configured ones in constant time: both sides are hashed to a fixed length first,
/// so neither the key's content nor its length leaks through timing.
/// </summary>
public sealed class ApiKeyValidator(IOptions<ApiKeyOptions> options)
{
    private readonly byte[][] _hashes = options.Value.Keys.Select(Hash).ToArray();

    public bool IsValid(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }
        var hash = Hash(presented);
        var valid = false;
        foreach (var known in _hashes)
        {
            valid |= CryptographicOperations.FixedTimeEquals(hash, known);
        }
        return valid;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
