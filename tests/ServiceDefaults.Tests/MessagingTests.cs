using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CdnPulse.ServiceDefaults.Tests.Messages;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CdnPulse.ServiceDefaults.Tests;

public sealed class MessagingTests(RabbitMqFixture rabbit) : IClassFixture<RabbitMqFixture>
{
    [Fact]
    public async Task Publishes_and_consumes_through_a_kebab_case_queue_on_real_RabbitMQ()
    {
        using var host = await StartHostAsync();
        var id = Guid.NewGuid();
        await host.Services.GetRequiredService<IBus>().Publish(new Probe(id, Fail: false));

        var log = host.Services.GetRequiredService<ProbeLog>();
        await Eventually(() => log.Delivered.ContainsKey(id), "the probe was not consumed");
        Assert.Equal("/probe", log.Delivered[id]);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_retried_per_the_policy_then_lands_in_its_error_queue()
    {
        using var host = await StartHostAsync();
        var id = Guid.NewGuid();
        await host.Services.GetRequiredService<IBus>().Publish(new Probe(id, Fail: true));

        // The first attempt and one retry per configured interval: 1 + 3.
        var log = host.Services.GetRequiredService<ProbeLog>();
        await Eventually(async () => await QueueDepthAsync("probe_error") >= 1, "the failing probe never reached probe_error");
        Assert.Equal(4, log.Attempts[id]);
        Assert.False(log.Delivered.ContainsKey(id));
        await host.StopAsync();
    }

    private async Task<IHost> StartHostAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:messaging"] = rabbit.Server.ConnectionString,
            ["Messaging:RetryIntervals:0"] = "00:00:00.010",
            ["Messaging:RetryIntervals:1"] = "00:00:00.050",
            ["Messaging:RetryIntervals:2"] = "00:00:00.100",
        });
        builder.Services.AddSingleton<ProbeLog>();
        builder.AddMessaging(bus => bus.AddConsumer<ProbeConsumer>());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private async Task<long> QueueDepthAsync(string queue)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        using var response = await http.GetAsync($"{rabbit.Server.ManagementUrl}api/queues/%2F/{queue}");
        if (!response.IsSuccessStatusCode)
        {
            return 0;
        }
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.TryGetProperty("messages", out var messages) ? messages.GetInt64() : 0;
    }

    private static Task Eventually(Func<bool> condition, string failure) => Eventually(() => Task.FromResult(condition()), failure);

    private static async Task Eventually(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(100);
        }
    }
}
