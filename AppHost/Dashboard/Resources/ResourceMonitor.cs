using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CdnPulse.Dashboard.Store;
using CdnPulse.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CdnPulse.Dashboard.Resources;

/// <summary>
/// Every few seconds: probes each resource's health (a service's <c>/health</c>, RabbitMQ's management API, a TCP
/// connect for PostgreSQL and kinesalite) and records the depth of every bus queue, which RabbitMQ reports only
/// through its management API, as the gauge <c>rabbitmq.queue.messages</c> of the resource <c>messaging</c>.
/// </summary>
public sealed class ResourceMonitor(SystemResources resources, TelemetryStore store, DashboardOptions options, ILogger<ResourceMonitor> logger)
    : BackgroundService
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(2) };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var system = await resources.Attached.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.ProbeInterval);
        do
        {
            try
            {
                await ProbeAsync(system, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                DashboardLog.ProbeFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ProbeAsync(CdnPulseSystem system, CancellationToken cancellationToken)
    {
        var probes = new List<Task>();
        if (system.Postgres is { } postgres)
        {
            probes.Add(TcpAsync(PostgresServer.ResourceName, postgres.Port, cancellationToken));
        }
        if (system.Kinesis is { } kinesis)
        {
            probes.Add(TcpAsync(SystemModel.Kinesis, kinesis.Port, cancellationToken));
        }
        if (system.Messaging is { } messaging)
        {
            probes.Add(QueuesAsync(messaging, cancellationToken));
        }
        foreach (var service in system.Services.Values.Where(s => s.Url is not null))
        {
            probes.Add(HealthAsync(service.Name, service.Url + "/health", cancellationToken));
        }
        await Task.WhenAll(probes);
    }

    private async Task TcpAsync(string resource, int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(System.Net.IPAddress.Loopback, port, timeout.Token);
            resources.SetHealth(resource, ResourceHealth.Healthy);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            resources.SetHealth(resource, ResourceHealth.Unhealthy);
        }
    }

    private async Task HealthAsync(string resource, string url, CancellationToken cancellationToken)
    {
        using var response = await HttpAsync(resource, url, null, cancellationToken);
    }

    private async Task<HttpResponseMessage?> HttpAsync(string resource, string url, AuthenticationHeaderValue? authorization, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = authorization;
            var response = await _http.SendAsync(request, cancellationToken);
            resources.SetHealth(resource, response.IsSuccessStatusCode ? ResourceHealth.Healthy : ResourceHealth.Unhealthy);
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            resources.SetHealth(resource, ResourceHealth.Unhealthy);
            return null;
        }
    }

    private async Task QueuesAsync(RabbitMqServer messaging, CancellationToken cancellationToken)
    {
        // The management API takes the broker's own account, the one in the AMQP connection string.
        var user = Uri.UnescapeDataString(new Uri(messaging.ConnectionString).UserInfo);
        var authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user)));
        using var response = await HttpAsync(SystemModel.Messaging, messaging.ManagementUrl + "api/queues?columns=name,messages", authorization, cancellationToken);
        if (response is not { IsSuccessStatusCode: true })
        {
            return;
        }
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var now = DateTimeOffset.UtcNow;
        store.Metrics.Add(document.RootElement.EnumerateArray()
            .Where(q => q.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Number)
            .Select(q => new MetricSample(SystemModel.Messaging, "rabbitmq.queue.messages", "{message}",
                "Messages in the queue (ready and unacknowledged), polled from the RabbitMQ management API.",
                MetricKind.Gauge, false, false, [new TelemetryAttribute("queue", q.GetProperty("name").GetString() ?? "")],
                new MetricPoint(now, now, q.GetProperty("messages").GetDouble())))
            .ToList());
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }
}
