using System.Security.Cryptography;
using System.Text;
using CdnPulse.Alerting.Notifications;

namespace CdnPulse.Alerting.Tests.Notifications;

public sealed class WebhookSignatureTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Signs_time_key_and_body_with_HMAC_SHA256_of_the_secret()
    {
        var header = WebhookSignature.Sign("whsec_test", Now, "alarm:a/3", "{\"x\":1}");

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("whsec_test"),
            Encoding.UTF8.GetBytes($"{Now.ToUnixTimeSeconds()}.alarm:a/3.{{\"x\":1}}")));
        Assert.Equal($"t={Now.ToUnixTimeSeconds()},v1={expected}", header);
    }

    [Fact]
    public void Verification_refuses_another_body_key_secret_or_an_old_time()
    {
        var header = WebhookSignature.Sign("whsec_test", Now, "alarm:a/3", "{}");
        var tolerance = WebhookSignature.DefaultTolerance;

        Assert.True(WebhookSignature.Verify("whsec_test", header, "alarm:a/3", "{}", Now.AddMinutes(1), tolerance));
        Assert.False(WebhookSignature.Verify("whsec_test", header, "alarm:a/3", "{ }", Now, tolerance));
        Assert.False(WebhookSignature.Verify("whsec_test", header, "alarm:a/4", "{}", Now, tolerance));
        Assert.False(WebhookSignature.Verify("whsec_other", header, "alarm:a/3", "{}", Now, tolerance));
        Assert.False(WebhookSignature.Verify("whsec_test", header, "alarm:a/3", "{}", Now.AddMinutes(6), tolerance));
        Assert.False(WebhookSignature.Verify("whsec_test", null, "alarm:a/3", "{}", Now, tolerance));
    }

    [Fact]
    public void Every_new_secret_is_different_and_prefixed()
    {
        var secrets = Enumerable.Range(0, 20).Select(_ => WebhookSignature.NewSecret()).ToList();

        Assert.All(secrets, s => Assert.StartsWith(WebhookSignature.SecretPrefix, s, StringComparison.Ordinal));
        Assert.All(secrets, s => Assert.True(s.Length >= 40));
        Assert.Equal(secrets.Count, secrets.Distinct().Count());
    }
}
