namespace CdnPulse.ServiceDefaults.ApiKeys;

/// <summary>A new key: the only moment its value is known. Show it once; only its hash is stored.</summary>
public sealed record CreatedApiKey(ApiKeyRecord Record, string Key);
