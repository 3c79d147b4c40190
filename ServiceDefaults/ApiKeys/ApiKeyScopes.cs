namespace CdnPulse.ServiceDefaults.ApiKeys;

/// <summary>
/// What a key may do. A key holds one or more scopes; a scope grants only its own endpoints (<see cref="Admin"/>
/// manages keys, it does not imply the others). The bootstrap keys from <c>Auth:ApiKeys</c> hold every scope.
/// </summary>
public static class ApiKeyScopes
{
    /// <summary>Read metrics: the compatible <c>/metric</c> API, the native API, the live stream.</summary>
    public const string ReadMetrics = "read-metrics";

    /// <summary>Create, change and delete alarms and their subscriptions.</summary>
    public const string ManageAlarms = "manage-alarms";

    /// <summary>Send logs and read ingest diagnostics.</summary>
    public const string Ingest = "ingest";

    /// <summary>Create, list and revoke API keys.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [ReadMetrics, ManageAlarms, Ingest, Admin];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
