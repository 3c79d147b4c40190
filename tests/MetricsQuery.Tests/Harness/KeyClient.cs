using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CdnPulse.Hosting;

namespace CdnPulse.MetricsQuery.Tests.Harness;

/// <summary>Creates and revokes stored keys through the admin endpoint or the cdnpulse-admin command.</summary>
internal static class KeyClient
{
    public static async Task<(string Id, string Key)> CreateAsync(MetricsQueryFixture fixture, string name, params string[] scopes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.Url + "/api/v1/keys") { Content = JsonContent.Create(new { name, scopes }) };
        request.Headers.Add("x-api-key", fixture.ApiKey);
        using var response = await fixture.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (body.GetProperty("record").GetProperty("id").GetString()!, body.GetProperty("key").GetString()!);
    }

    public static async Task<HttpStatusCode> RevokeAsync(MetricsQueryFixture fixture, string id, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"{fixture.Url}/api/v1/keys/{id}");
        request.Headers.Add("x-api-key", key);
        using var response = await fixture.Http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Runs <c>cdnpulse-admin keys …</c> against the fixture's database; returns exit code, stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> AdminAsync(MetricsQueryFixture fixture, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(BuildConfiguration.AssemblyPath(SystemModel.MigrationsStep));
        start.ArgumentList.Add("keys");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ConnectionStrings__events"] = fixture.System.EventsConnectionString;
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Polls until <paramref name="done"/> holds for the status of GET <paramref name="url"/> with <paramref name="key"/>.</summary>
    public static async Task<TimeSpan> WaitForStatusAsync(MetricsQueryFixture fixture, string url, string key, Func<HttpStatusCode, bool> done, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        HttpStatusCode last = default;
        while (clock.Elapsed < deadline)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("x-api-key", key);
            using var response = await fixture.Http.SendAsync(request);
            last = response.StatusCode;
            if (done(last))
            {
                return clock.Elapsed;
            }
            await Task.Delay(200);
        }
        Assert.Fail($"{url} still answered {(int)last} after {deadline.TotalSeconds} s.");
        return clock.Elapsed;
    }
}
