using System.Security.Cryptography;

namespace CdnPulse.ServiceDefaults.ApiKeys;

/// <summary>New keys: <c>cdp_</c> and 32 random bytes in URL-safe base64 (256 bits of entropy, 47 characters).</summary>
public static class ApiKeyGenerator
{
    public const string KeyPrefix = "cdp_";

    /// <summary>Characters of the random part kept (in clear) to tell keys apart in listings: 48 of the 256 bits.</summary>
    public const int VisibleCharacters = 8;

    public static string NewKey() =>
        KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The part of a key shown in listings, e.g. <c>cdp_Ab3dEf9h…</c>.</summary>
    public static string Preview(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var length = Math.Min(key.Length, KeyPrefix.Length + VisibleCharacters);
        return key[..length] + "…";
    }
}
