namespace CdnPulse.ServiceDefaults.ApiKeys;

/// <summary>A stored key as listed: never the key or its hash, only a preview of its first characters.</summary>
public sealed record ApiKeyRecord(Guid Id, string Name, string Preview, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}
