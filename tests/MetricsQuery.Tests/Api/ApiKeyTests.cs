using System.Net;
using CdnPulse.MetricsQuery.Tests.Harness;

namespace CdnPulse.MetricsQuery.Tests.Api;

/// <summary>Stored keys: created once, scoped, listed without their values, revoked within the cache time.</summary>
[Collection(MetricsQueryCollection.Name)]
public sealed class ApiKeyTests(MetricsQueryFixture fixture)
{
    private static readonly string Compatible =
        $"/metric?StartTime={TestTraffic.CompatibleTime(TestTraffic.FirstMinute)}&EndTime={TestTraffic.CompatibleTime(TestTraffic.End)}&Metric=request&Domain={TestTraffic.Domain}";

    [Fact]
    public async Task A_created_key_reads_metrics_on_every_instance_and_is_listed_without_its_value()
    {
        var (id, key) = await KeyClient.CreateAsync(fixture, "dashboard-reader", "read-metrics");

        Assert.Equal(HttpStatusCode.OK, (await fixture.GetAsync(fixture.Url, "/api/v1/domains", key)).Status);
        Assert.Equal(HttpStatusCode.OK, (await fixture.GetAsync(fixture.TightUrl, "/api/v1/domains", key)).Status);
        Assert.Equal(HttpStatusCode.OK, (await fixture.GetAsync(fixture.Url, Compatible, key)).Status);
        var (status, list) = await fixture.GetAsync(fixture.Url, "/api/v1/keys", fixture.ApiKey);
        Assert.Equal(HttpStatusCode.OK, status);
        var listed = list.EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);
        Assert.Equal(["read-metrics"], listed.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.StartsWith(listed.GetProperty("preview").GetString()!.TrimEnd('…'), key);
        Assert.DoesNotContain(key, list.GetRawText());
    }

    [Fact]
    public async Task A_key_without_the_scope_is_refused_with_the_scope_named()
    {
        var (_, ingestOnly) = await KeyClient.CreateAsync(fixture, "log-shipper", "ingest");
        var (_, reader) = await KeyClient.CreateAsync(fixture, "reader", "read-metrics");

        var (native, body) = await fixture.GetAsync(fixture.Url, "/api/v1/domains", ingestOnly);
        var (compatible, forbidden) = await fixture.GetAsync(fixture.Url, Compatible, ingestOnly);
        var (keys, _) = await fixture.GetAsync(fixture.Url, "/api/v1/keys", reader);

        Assert.Equal(HttpStatusCode.Forbidden, native);
        Assert.Equal("read-metrics", body.GetProperty("requiredScope").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, compatible);
        Assert.Equal("""{"message":"Forbidden"}""", forbidden.GetRawText());
        Assert.Equal(HttpStatusCode.Forbidden, keys);
    }

    [Fact]
    public async Task A_revoked_key_stops_working_within_the_cache_time()
    {
        var (id, key) = await KeyClient.CreateAsync(fixture, "to-revoke", "read-metrics");
        Assert.Equal(HttpStatusCode.OK, (await fixture.GetAsync(fixture.TightUrl, "/api/v1/domains", key)).Status);
        Assert.Equal(HttpStatusCode.OK, (await fixture.GetAsync(fixture.Url, "/api/v1/domains", key)).Status);

        Assert.Equal(HttpStatusCode.OK, await KeyClient.RevokeAsync(fixture, id, fixture.ApiKey));

        // The tight instance caches keys 1 s, the default instance 5 s.
        var tight = await KeyClient.WaitForStatusAsync(fixture, fixture.TightUrl + "/api/v1/domains", key, s => s == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(5));
        var main = await KeyClient.WaitForStatusAsync(fixture, fixture.Url + "/api/v1/domains", key, s => s == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(10));
        Assert.True(tight < TimeSpan.FromSeconds(3), $"revocation took {tight.TotalSeconds:0.0} s with a 1 s cache");
        Assert.True(main < TimeSpan.FromSeconds(7), $"revocation took {main.TotalSeconds:0.0} s with a 5 s cache");
        Assert.Equal(HttpStatusCode.NotFound, await KeyClient.RevokeAsync(fixture, Guid.NewGuid().ToString(), fixture.ApiKey));
    }

    [Fact]
    public async Task The_admin_command_creates_lists_and_revokes_keys()
    {
        var created = await KeyClient.AdminAsync(fixture, "create", "--name", "cli-made", "--scopes", "read-metrics,manage-alarms");
        Assert.Equal(0, created.ExitCode);
        var key = created.Output.Trim();
        Assert.Matches("^cdp_[A-Za-z0-9_-]{43}$", key);
        Assert.Equal(HttpStatusCode.OK, (await fixture.GetAsync(fixture.TightUrl, "/api/v1/domains", key)).Status);

        var listed = await KeyClient.AdminAsync(fixture, "list");
        var line = listed.Output.Split('\n').Single(l => l.Contains("cli-made", StringComparison.Ordinal));
        Assert.DoesNotContain(key, listed.Output);
        Assert.Contains("manage-alarms,read-metrics", line);
        var id = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];

        var revoked = await KeyClient.AdminAsync(fixture, "revoke", id);
        Assert.Equal(0, revoked.ExitCode);
        await KeyClient.WaitForStatusAsync(fixture, fixture.TightUrl + "/api/v1/domains", key, s => s == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(5));

        var bad = await KeyClient.AdminAsync(fixture, "create", "--name", "x", "--scopes", "root");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--scopes", bad.Error);
    }

    [Fact]
    public async Task A_create_request_without_scopes_is_a_400_naming_the_field()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.Url + "/api/v1/keys")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { name = "no-scopes" }),
        };
        request.Headers.Add("x-api-key", fixture.ApiKey);
        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"parameter\":\"scopes\"", await response.Content.ReadAsStringAsync());
    }
}
