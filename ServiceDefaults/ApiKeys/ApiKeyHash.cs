using System.Security.Cryptography;
using System.Text;

namespace CdnPulse.ServiceDefaults.ApiKeys;

/// <summary>
/// The one way a key is turned into what is stored and compared: SHA-256 of its UTF-8 bytes. A fixed-length hash
/// compared with <see cref="CryptographicOperations.FixedTimeEquals"/> leaks neither content nor length through timing.
/// Keys are high-entropy random values (<see cref="ApiKeyGenerator"/>), so a fast unsalted hash is enough.
/// </summary>
public static class ApiKeyHash
{
    public const int Length = 32;

    public static byte[] Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    public static bool Equal(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) => CryptographicOperations.FixedTimeEquals(left, right);
}
