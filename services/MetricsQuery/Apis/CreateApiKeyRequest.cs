namespace CdnPulse.MetricsQuery.Apis;

/// <summary>POST /api/v1/keys: who or what the key is for, and its scopes (read-metrics, manage-alarms, ingest, admin).</summary>
public sealed record CreateApiKeyRequest(string? Name, IReadOnlyList<string>? Scopes);
