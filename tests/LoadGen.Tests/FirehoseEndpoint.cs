using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CdnPulse.LoadGen.Tests;

/// <summary>
/// A real HTTP server on a free loopback port that answers like a Firehose HTTP endpoint destination, with scripted
/// status codes, and keeps every request it received (headers, and the JSON body after gzip).
/// </summary>
internal sealed class FirehoseEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Queue<int> _statuses;

    private FirehoseEndpoint(WebApplication app, IEnumerable<int> statuses)
    {
        _app = app;
        _statuses = new Queue<int>(statuses);
    }

    public ConcurrentQueue<Received> Requests { get; } = new();

    public Uri Url { get; private set; } = null!;

    /// <param name="statuses">Status codes for the first requests, in order; 200 after them.</param>
    public static async Task<FirehoseEndpoint> StartAsync(params int[] statuses)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var endpoint = new FirehoseEndpoint(app, statuses);
        app.MapPost("/firehose", (Func<HttpContext, Task<IResult>>)endpoint.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        endpoint.Url = new Uri($"{address}/firehose");
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var gzip = context.Request.Headers.ContentEncoding == "gzip";
        using var buffer = new MemoryStream();
        await (gzip ? new GZipStream(context.Request.Body, CompressionMode.Decompress) : context.Request.Body).CopyToAsync(buffer);
        var body = JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Requests.Enqueue(new Received(headers, gzip, body));
        int status;
        lock (_statuses)
        {
            status = _statuses.Count > 0 ? _statuses.Dequeue() : 200;
        }

        var requestId = body.GetProperty("requestId").GetString();
        return Results.Json(
            new { requestId, timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), errorMessage = status == 200 ? null : $"scripted {status}" },
            statusCode: status);
    }

    public sealed record Received(IReadOnlyDictionary<string, string> Headers, bool Gzip, JsonElement Body)
    {
        public IReadOnlyList<byte[]> Records => [.. Body.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("data").GetBytesFromBase64())];
    }
}
