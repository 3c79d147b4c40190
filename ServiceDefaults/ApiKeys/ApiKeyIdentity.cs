namespace CdnPulse.ServiceDefaults.ApiKeys;

/// <summary>
/// Who a valid key is: its id (a stored key's id, or <c>bootstrap-N</c>), a name for people and its scopes. Set as a
/// request feature by <see cref="ApiKeyAuthenticationMiddleware"/>; it never holds the key itself.
/// </summary>
public sealed record ApiKeyIdentity(string Id, string Name, IReadOnlyList<string> Scopes, bool IsBootstrap)
{
    public bool HasScope(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);

    public static ApiKeyIdentity Bootstrap(int index) => new($"bootstrap-{index}", $"Auth:ApiKeys:{index}", ApiKeyScopes.All, IsBootstrap: true);
}
