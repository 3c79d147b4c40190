using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CdnPulse.Alerting.Notifications;

/// <summary>
/// The webhook signature: header <c>X-CdnPulse-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</c>, where the
/// HMAC is keyed with the subscription's secret (its UTF-8 bytes) over <c>&lt;t&gt;.&lt;idempotency key&gt;.&lt;body&gt;</c>.
/// Signing the time lets receivers refuse replays (an old <c>t</c>); signing the key ties the body to its state change.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-CdnPulse-Signature";
    public const string IdempotencyKeyHeader = "X-CdnPulse-Idempotency-Key";
    public const string DeliveryHeader = "X-CdnPulse-Delivery";
    public const string AttemptHeader = "X-CdnPulse-Attempt";
    public const string SecretPrefix = "whsec_";

    /// <summary>How far a signature's time may be from the receiver's clock before it counts as a replay.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static string NewSecret() => SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, DateTimeOffset time, string idempotencyKey, string body)
    {
        var timestamp = time.ToUnixTimeSeconds();
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Mac(secret, timestamp, idempotencyKey, body)}";
    }

    /// <summary>What a receiver does: the signature matches and its time is within <paramref name="tolerance"/> of now.</summary>
    public static bool Verify(string secret, string? header, string idempotencyKey, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (header is null)
        {
            return false;
        }
        long? timestamp = null;
        string? mac = null;
        foreach (var part in header.Split(','))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal) && long.TryParse(part[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (part.StartsWith("v1=", StringComparison.Ordinal))
            {
                mac = part[3..];
            }
        }
        if (timestamp is not { } time || mac is null || Math.Abs(now.ToUnixTimeSeconds() - time) > tolerance.TotalSeconds)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(secret, time, idempotencyKey, body)), Encoding.ASCII.GetBytes(mac));
    }

    private static string Mac(string secret, long timestamp, string idempotencyKey, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{idempotencyKey}.{body}")));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
