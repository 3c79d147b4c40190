using System.Security.Cryptography;

namespace CdnPulse.Hosting;

/// <summary>Random secrets for local resources: generated per run, never written into code.</summary>
public static class Secrets
{
    public static string NewPassword() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    /// <summary>An API key in the reference's style: 16 random bytes, URL-safe base64.</summary>
    public static string NewApiKey() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
