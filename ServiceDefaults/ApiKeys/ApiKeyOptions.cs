namespace CdnPulse.ServiceDefaults.ApiKeys;

/// <summary>The keys that may read metrics (section "Auth"). Keys come from the environment, never from code or logs.</summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "Auth";

    public List<string> ApiKeys { get; set; } = [];

    public IReadOnlyList<string> Keys => ApiKeys.Where(k => !string.IsNullOrWhiteSpace(k)).ToList();
}
