namespace CdnPulse.ServiceDefaults.ApiKeys;

/// <summary>
/// API key settings (section "Auth"). <see cref="ApiKeys"/> are the bootstrap keys, with every scope; they come from
/// the environment (<c>Auth__ApiKeys__0</c>), never from code or logs. Further keys live hashed in PostgreSQL
/// (<see cref="ApiKeyStore"/>).
/// </summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "Auth";

    public List<string> ApiKeys { get; set; } = [];

    public IReadOnlyList<string> Keys => ApiKeys.Where(k => !string.IsNullOrWhiteSpace(k)).ToList();

    /// <summary>
    /// How long a stored key's check (valid with its scopes, or unknown) is remembered: a revoked key stops working
    /// within this time on every instance. 0 asks the database on every request.
    /// </summary>
    public double KeyCacheSeconds { get; set; } = 5;

    public TimeSpan KeyCacheDuration => TimeSpan.FromSeconds(KeyCacheSeconds);
}
