using Microsoft.Extensions.Options;

namespace CdnPulse.ServiceDefaults.ApiKeys;

/// <summary>
/// Compares a presented key with the configured (bootstrap) ones in constant time: both sides are hashed to a fixed
/// length first, so neither the key's content nor its length leaks through timing.
/// </summary>
public sealed class ApiKeyValidator(IOptions<ApiKeyOptions> options)
{
    private readonly byte[][] _hashes = options.Value.Keys.Select(ApiKeyHash.Of).ToArray();

    public bool IsValid(string? presented) => !string.IsNullOrEmpty(presented) && IndexOf(ApiKeyHash.Of(presented)) >= 0;

    /// <summary>Which configured key has this hash (-1 if none); every key is compared, whatever matches.</summary>
    public int IndexOf(byte[] hash)
    {
        var index = -1;
        for (var i = 0; i < _hashes.Length; i++)
        {
            if (ApiKeyHash.Equal(hash, _hashes[i]))
            {
                index = i;
            }
        }
        return index;
    }
}
