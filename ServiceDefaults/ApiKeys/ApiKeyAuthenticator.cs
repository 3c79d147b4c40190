using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CdnPulse.ServiceDefaults.ApiKeys;

/// <summary>
/// Turns a presented key into an <see cref="ApiKeyIdentity"/>: a bootstrap key (constant-time comparison with every
/// configured key) or an active stored key. Stored-key answers, found or not, are cached by hash for
/// <see cref="ApiKeyOptions.KeyCacheSeconds"/>, so a query costs no database round trip and a revocation is seen by
/// every instance within that time. The cache holds hashes only, never keys, and is bounded in size.
/// </summary>
public sealed class ApiKeyAuthenticator : IDisposable
{
    private const int CacheEntries = 10_000;

    private readonly ApiKeyValidator _bootstrap;
    private readonly ApiKeyStore? _store;
    private readonly TimeSpan _cacheDuration;
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = CacheEntries });

    public ApiKeyAuthenticator(ApiKeyValidator bootstrap, IOptions<ApiKeyOptions> options, ApiKeyStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(bootstrap);
        ArgumentNullException.ThrowIfNull(options);
        _bootstrap = bootstrap;
        _store = store;
        _cacheDuration = options.Value.KeyCacheDuration;
    }

    public async ValueTask<ApiKeyIdentity?> AuthenticateAsync(string? presented, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 512)
        {
            return null;
        }
        var hash = ApiKeyHash.Of(presented);
        var bootstrap = _bootstrap.IndexOf(hash);
        if (bootstrap >= 0)
        {
            return ApiKeyIdentity.Bootstrap(bootstrap);
        }
        if (_store is null)
        {
            return null;
        }
        var cacheKey = Convert.ToBase64String(hash);
        if (_cacheDuration > TimeSpan.Zero && _cache.TryGetValue(cacheKey, out StoredKeyAnswer? cached) && cached is not null)
        {
            return cached.Identity;
        }
        var identity = await _store.FindActiveAsync(hash, cancellationToken);
        if (_cacheDuration > TimeSpan.Zero)
        {
            _cache.Set(cacheKey, new StoredKeyAnswer(identity), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _cacheDuration });
        }
        return identity;
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>A cached answer; <see cref="Identity"/> null means "no such active key".</summary>
    private sealed record StoredKeyAnswer(ApiKeyIdentity? Identity);
}
