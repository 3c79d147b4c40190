using System.Globalization;
using CdnPulse.MetricsQuery.Tests.Harness;
using Microsoft.Playwright;

namespace CdnPulse.MetricsQuery.Tests.Browser;

/// <summary>The dashboard in headless Chromium against the running system: it shows the numbers of the known traffic.</summary>
[Collection(MetricsQueryCollection.Name)]
public sealed class DashboardTests(MetricsQueryFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string KnownRange =
        $"/dashboard?domain={TestTraffic.Domain}&from={MetricsQueryFixture.Iso(TestTraffic.FirstMinute)}&to={MetricsQueryFixture.Iso(TestTraffic.End)}";

    [Fact]
    public async Task Charts_show_the_numbers_of_the_known_traffic()
    {
        var all = TestTraffic.All;
        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 2200 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.Response += (_, response) => { if (response.Status >= 400) errors.Add($"{response.Status} {response.Url}"); };

        await page.GotoAsync(fixture.Url + KnownRange);
        // No key yet: the page asks for one and keeps it for the tab.
        await page.Locator("#key-input").FillAsync(fixture.ApiKey);
        await page.Locator("#key-form button[type=submit]").ClickAsync();
        await page.Locator("body[data-loads='1']").WaitForAsync(new() { Timeout = 60_000 });

        Assert.Equal(all.Count, await ValueAsync(page, "[data-chart=requests] dd[data-series='requests']"));
        Assert.Equal(all.Count(TestTraffic.WentToOrigin), await ValueAsync(page, "[data-chart=requests] dd[data-series='origin requests']"));
        Assert.Equal(Math.Round(100m * all.Count(TestTraffic.IsHit) / all.Count, 2, MidpointRounding.AwayFromZero),
            await ValueAsync(page, "[data-chart=cacheHitRate] dd[data-series='by requests']"));
        Assert.Equal(Math.Round(all.Sum(r => r.BytesSent) * 8m / (TestTraffic.Minutes * 60), 2, MidpointRounding.AwayFromZero),
            await ValueAsync(page, "[data-chart=bandwidth] dd[data-series='bandwidth']"));
        foreach (var status in new[] { 200, 404, 503 })
        {
            Assert.Equal(all.Count(r => r.Status == status), await ValueAsync(page, $"[data-chart=statusCodes] dd[data-series='{status}']"));
        }
        foreach (var edge in new[] { "Hit", "Miss", "RefreshHit", "Error" })
        {
            Assert.Equal(all.Count(r => r.EdgeResponseResultType == edge), await ValueAsync(page, $"[data-chart=edgeTypes] dd[data-series='{edge}']"));
        }
        Assert.Equal(all.Where(TestTraffic.WentToOrigin).Sum(r => r.BytesSent), await ValueAsync(page, "[data-chart=origin] dd[data-series='origin bytes']"));
        Assert.Equal(Math.Round(100m * all.Count(r => r.TimeTakenMs >= 1000) / all.Count, 2, MidpointRounding.AwayFromZero),
            await ValueAsync(page, "[data-chart=latencyRatio] dd[data-series='≥ 1 s']"));
        var p50 = await ValueAsync(page, "[data-chart=latency] dd[data-series='p50']");
        var sorted = all.Select(r => (decimal)r.TimeTakenMs).Order().ToList();
        Assert.InRange(p50, sorted[(all.Count / 2) - 1] * 0.99m, sorted[(all.Count / 2) - 1] * 1.01m);
        // One row per minute in the requests chart's data table.
        var perMinute = await page.Locator("[data-chart=requests] td[data-series='requests']").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.value)");
        Assert.Equal(Enumerable.Range(0, TestTraffic.Minutes).Select(m => (20 + (4 * m)).ToString(CultureInfo.InvariantCulture)), perMinute);

        foreach (var country in TestTraffic.Countries)
        {
            Assert.Equal(all.Count(r => r.Country == country), await ValueAsync(page, $"[data-chart=countries] li[data-country='{country}']"));
        }
        foreach (var (_, isp) in TestTraffic.Clients)
        {
            Assert.Equal(all.Where(TestTraffic.CountsForDownloadSpeed).Count(r => TestTraffic.IspOf(r) == isp),
                await ValueAsync(page, $"[data-chart=isps] li[data-isp='{isp}']"));
        }
        foreach (var path in all.Select(r => r.UriStem).Distinct())
        {
            Assert.Equal(all.Count(r => r.UriStem == path), await ValueAsync(page, $"[data-chart=topUrls] [data-ranking=requests] li[data-path='{path}']"));
        }
        var buckets = await page.Locator("[data-chart=downloadSpeed] [data-distribution=cdn] [data-bucket]").EvaluateAllAsync<string[]>("b => b.map(x => x.dataset.value)");
        Assert.Equal(8, buckets.Length);
        Assert.Equal(all.Count(TestTraffic.CountsForDownloadSpeed), buckets.Sum(b => long.Parse(b, CultureInfo.InvariantCulture)));
        Assert.Equal(1, await page.Locator("footer a[href='https://db-ip.com']").CountAsync());
        Assert.Equal(0, await page.Locator("[data-state=error], [data-state=unavailable]").CountAsync());

        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "dashboard-known-traffic.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_metric_the_api_does_not_serve_is_shown_as_not_available()
    {
        await using var context = await browser.Browser.NewContextAsync();
        await context.AddInitScriptAsync($"sessionStorage.setItem('cdnpulse.apiKey', '{fixture.ApiKey}')");
        var page = await context.NewPageAsync();
        await page.RouteAsync("**/api/v1/metrics/latencyP99*", route => route.FulfillAsync(new() { Status = 404, Body = "{\"parameter\":\"name\",\"message\":\"Unknown\"}" }));

        await page.GotoAsync(fixture.Url + KnownRange);
        await page.Locator("body[data-loads='1']").WaitForAsync(new() { Timeout = 60_000 });

        Assert.Equal("unavailable", await page.Locator("[data-chart=latency]").GetAttributeAsync("data-state"));
        Assert.Contains("not available", await page.Locator("[data-chart=latency]").InnerTextAsync());
        Assert.Equal("ready", await page.Locator("[data-chart=requests]").GetAttributeAsync("data-state"));
    }

    [Fact]
    public async Task A_refused_key_is_asked_for_again()
    {
        await using var context = await browser.Browser.NewContextAsync();
        await context.AddInitScriptAsync("if (!sessionStorage.getItem('seen')) { sessionStorage.setItem('seen', '1'); sessionStorage.setItem('cdnpulse.apiKey', 'not-a-valid-key-at-all'); }");
        var page = await context.NewPageAsync();

        await page.GotoAsync(fixture.Url + "/dashboard");

        await page.Locator("#key-error").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 30_000 });
        Assert.Contains("refused", await page.Locator("#key-error").InnerTextAsync());
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('cdnpulse.apiKey')"));
    }

    [Fact]
    public async Task The_dashboard_refreshes_itself_from_the_live_stream()
    {
        var domain = $"watch-{Guid.NewGuid():N}.example.com"[..31];
        var minute = DateTimeOffset.UtcNow.AddMinutes(-3);
        minute = new DateTimeOffset(minute.Year, minute.Month, minute.Day, minute.Hour, minute.Minute, 0, TimeSpan.Zero);
        var first = TestTraffic.Minute(domain, minute, 6);
        await fixture.SendAsync(first, CancellationToken.None);
        await fixture.WaitForRequestsAsync(domain, minute, minute.AddMinutes(1), first.Count, CancellationToken.None);
        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await context.AddInitScriptAsync($"sessionStorage.setItem('cdnpulse.apiKey', '{fixture.ApiKey}')");
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{fixture.Url}/dashboard?domain={domain}&range=1h");
        await page.Locator("#live[data-live='on']").WaitForAsync(new() { Timeout = 30_000 });
        Assert.Equal(first.Count, await ValueAsync(page, "[data-chart=requests] dd[data-series='requests']"));

        await page.EvaluateAsync("window.notReloaded = true");
        var more = TestTraffic.Minute(domain, minute.AddMinutes(1), 9);
        await fixture.SendAsync(more, CancellationToken.None);

        // No reload, no click: the stream's window event makes the page query again.
        var expected = (first.Count + more.Count).ToString(CultureInfo.InvariantCulture);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        string? shown;
        while ((shown = await page.Locator("[data-chart=requests] dd[data-series='requests']").GetAttributeAsync("data-value")) != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the dashboard still shows {shown} requests, not {expected}, 60 s after the new lines");
            await Task.Delay(250);
        }
        Assert.True(await page.EvaluateAsync<bool>("window.notReloaded === true"), "the page was reloaded");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "dashboard-live.png") });
    }

    private static async Task<decimal> ValueAsync(IPage page, string selector)
    {
        var text = await page.Locator(selector).GetAttributeAsync("data-value", new() { Timeout = 5_000 });
        Assert.False(string.IsNullOrEmpty(text), $"{selector} has no value");
        return decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
