using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CdnPulse.Hosting;

namespace CdnPulse.Alerting.Tests.EndToEnd;

/// <summary>The whole system, alerting included, started once through the AppHost's hosting library without sample traffic.</summary>
public sealed class AlertingSystemFixture : IAsyncLifetime
{
    public RecordingResourceLog Log { get; } = new();

    public CdnPulseSystem System { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string AlertingUrl => System.ServiceUrl(SystemModel.Alerting);

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            System = await CdnPulseSystem.StartAsync(new SystemOptions { Log = Log, SampleTraffic = false, KinesisShards = 1 }, timeout.Token);
        }
        catch (ResourceStartException ex)
        {
            var logs = SystemModel.Services.Select(s => s.Name).Prepend(SystemModel.Migrations).Select(name => $"--- {name}:{Environment.NewLine}{Tail(name)}");
            throw new InvalidOperationException($"{ex.Message}{Environment.NewLine}{string.Join(Environment.NewLine, logs)}", ex);
        }
    }

    public Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string path, JsonNode? body = null, bool withKey = true) =>
        SendWithKeyAsync(withKey ? System.ApiKey : null, method, path, body);

    /// <summary>Sends with <paramref name="key"/> in <c>x-api-key</c> (none when null).</summary>
    public async Task<(int Status, JsonElement Body)> SendWithKeyAsync(string? key, HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, AlertingUrl + path);
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public string Tail(string resource) => string.Join(Environment.NewLine, Log.Tail(resource, 30));

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (System is not null)
        {
            await System.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AlertingSystemCollection : ICollectionFixture<AlertingSystemFixture>
{
    public const string Name = "alerting-system";
}
