using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CdnPulse.Alerting.Tests;

/// <summary>A request the <see cref="WebhookReceiver"/> got, and the status it answered.</summary>
internal sealed record ReceivedWebhook(string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At, int Status = 0)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string IdempotencyKey => Header("X-CdnPulse-Idempotency-Key") ?? "";

    public string NewState => JsonDocument.Parse(Body).RootElement.GetProperty("NewStateValue").GetString()!;

    /// <summary>Checks the signature the way the documentation tells receivers to, independently of the service's code.</summary>
    public bool HasValidSignature(string secret)
    {
        var parts = (Header("X-CdnPulse-Signature") ?? "").Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1) || !long.TryParse(t, out var seconds))
        {
            return false;
        }
        if (Math.Abs(DateTimeOffset.FromUnixTimeSeconds(seconds).Subtract(At).TotalMinutes) > 5)
        {
            return false;
        }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{IdempotencyKey}.{Body}"));
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(v1));
    }
}
