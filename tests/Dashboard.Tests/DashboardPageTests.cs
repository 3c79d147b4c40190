using CdnPulse.Hosting;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CdnPulse.Dashboard.Tests;

/// <summary>The dashboard page in headless Chromium (the system's /usr/bin/chromium; browsers are never downloaded), with screenshots.</summary>
[Collection(DashboardSystemCollection.Name)]
public sealed class DashboardPageTests(DashboardSystemFixture fixture, ITestOutputHelper output)
{
    private static readonly string ScreenshotFolder = Path.Combine(RepositoryPaths.Root, ".cdnpulse", "screenshots");

    [Fact]
    public async Task Page_shows_resources_logs_and_the_batch_trace_waterfall_after_signing_in()
    {
        var traceId = await fixture.BatchTraceIdAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        page.SetDefaultTimeout(20_000);
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);

        // Signed out, the page sends the browser to the login form; the key printed by the AppHost opens it.
        await page.GotoAsync(fixture.Dashboard.Url);
        Assert.EndsWith("/login", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#apiKey", fixture.ApiKey);
        await page.ClickAsync("button[type=submit]");

        var ingestRow = page.Locator("#resources tr[data-resource=ingest]");
        await Assertions.Expect(ingestRow).ToContainTextAsync("Running");
        await Assertions.Expect(ingestRow).ToContainTextAsync(fixture.System.Services[SystemModel.Ingest].Pid.ToString());
        await Assertions.Expect(page.Locator("#resources tbody tr")).ToHaveCountAsync(8);
        await Assertions.Expect(page.Locator("#resources tr[data-resource=metrics-query]")).ToContainTextAsync("Healthy");
        await ScreenshotAsync(page, "resources");

        await page.GotoAsync($"{fixture.Dashboard.Url}/#/console/postgres");
        await Assertions.Expect(page.Locator("#console-lines > div").First).ToBeVisibleAsync();
        await ScreenshotAsync(page, "console");

        await page.GotoAsync($"{fixture.Dashboard.Url}/#/logs/aggregation");
        await Assertions.Expect(page.Locator("#logs tbody tr").First).ToContainTextAsync("aggregation");
        await ScreenshotAsync(page, "logs");

        await page.GotoAsync($"{fixture.Dashboard.Url}/#/traces");
        await page.FillAsync("#traces-search", DashboardSystemFixture.Domain);
        await Assertions.Expect(page.Locator($"#traces tr[data-trace='{traceId}']")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "traces");
        await page.ClickAsync($"#traces tr[data-trace='{traceId}']");

        var rows = page.Locator("#waterfall .wf-row");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        foreach (var service in new[] { SystemModel.Ingest, SystemModel.Enrichment, SystemModel.Aggregation })
        {
            Assert.True(await page.Locator($"#waterfall .wf-row[data-service={service}]").CountAsync() > 0, $"no {service} span in the waterfall");
        }
        await page.Locator("#waterfall .wf-row", new PageLocatorOptions { HasText = "eventstore.append" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#span-details")).ToContainTextAsync($"window:{DashboardSystemFixture.Domain}:");
        await ScreenshotAsync(page, "waterfall");

        await page.GotoAsync($"{fixture.Dashboard.Url}/#/metrics");
        await Assertions.Expect(page.Locator("#charts [data-chart=kinesis-lag]")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "metrics");
        Assert.Empty(scriptErrors);
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, $"dashboard-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 10_000, $"{path} looks empty");
        output.WriteLine($"screenshot: {path}");
    }
}
