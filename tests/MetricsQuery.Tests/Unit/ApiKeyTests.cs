using CdnPulse.ServiceDefaults.ApiKeys;
using Microsoft.Extensions.Options;

namespace CdnPulse.MetricsQuery.Tests.Unit;

public sealed class ApiKeyTests
{
    [Fact]
    public void New_keys_carry_256_random_bits_and_a_short_preview()
    {
        var keys = Enumerable.Range(0, 100).Select(_ => ApiKeyGenerator.NewKey()).ToList();

        Assert.Equal(100, keys.Distinct().Count());
        Assert.All(keys, k => Assert.Matches("^cdp_[A-Za-z0-9_-]{43}$", k));
        Assert.Equal(keys[0][..12] + "…", ApiKeyGenerator.Preview(keys[0]));
    }

    [Fact]
    public void Bootstrap_keys_are_found_by_hash_and_hold_every_scope()
    {
        var validator = new ApiKeyValidator(Options.Create(new ApiKeyOptions { ApiKeys = ["first-key-0123456789", "second-key-0123456789"] }));

        Assert.Equal(1, validator.IndexOf(ApiKeyHash.Of("second-key-0123456789")));
        Assert.Equal(-1, validator.IndexOf(ApiKeyHash.Of("second-key-012345678")));
        Assert.False(validator.IsValid(""));
        Assert.True(ApiKeyIdentity.Bootstrap(1).HasScope(ApiKeyScopes.Admin));
    }

    [Theory]
    [InlineData(null, "read-metrics", "name")]
    [InlineData("ci", null, "scopes")]
    [InlineData("ci", "", "scopes")]
    [InlineData("ci", "read-metrics,root", "scopes")]
    public void Refuses_a_key_request_naming_the_field(string? name, string? scopes, string field)
    {
        var list = scopes?.Split(',', StringSplitOptions.RemoveEmptyEntries);

        Assert.False(ApiKeyStore.TryValidate(name, list, out var problem, out var message));
        Assert.Equal(field, problem);
        Assert.NotEmpty(message);
    }
}
