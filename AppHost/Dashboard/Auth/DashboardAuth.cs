using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CdnPulse.Dashboard.Auth;

/// <summary>
/// Who may see the dashboard: a request with the local API key in <c>x-api-key</c>, or a browser holding the session
/// cookie that the login form hands out for that key. The cookie carries a random per-run token, never the key itself.
/// </summary>
public sealed class DashboardAuth(string apiKey, string? otlpApiKey)
{
    public const string ApiKeyHeader = "x-api-key";
    public const string OtlpApiKeyHeader = "x-otlp-api-key";
    public const string CookieName = "cdnpulse-dashboard";

    private readonly string _sessionToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public bool IsSignedIn(HttpContext http) =>
        Matches(http.Request.Headers[ApiKeyHeader].ToString(), apiKey) ||
        (http.Request.Cookies.TryGetValue(CookieName, out var token) && Matches(token, _sessionToken));

    public bool IsKey(string? candidate) => Matches(candidate, apiKey);

    public bool IsOtlpExporter(HttpContext http) =>
        otlpApiKey is null || Matches(http.Request.Headers[OtlpApiKeyHeader].ToString(), otlpApiKey);

    public void SignIn(HttpResponse response) => response.Cookies.Append(CookieName, _sessionToken, new CookieOptions
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        IsEssential = true,
    });

    private static bool Matches(string? candidate, string expected) =>
        candidate is { Length: > 0 } &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(expected));
}
