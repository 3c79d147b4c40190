using System.Text.Json;
using System.Threading.Channels;

namespace CdnPulse.MetricsQuery.Tests.Harness;

/// <summary>Reads a Server-Sent Events stream in the background; events arrive in order on <see cref="NextAsync"/>.</summary>
internal sealed class SseClient : IAsyncDisposable
{
    private readonly Channel<(string Type, JsonElement Data)> _events = Channel.CreateUnbounded<(string, JsonElement)>();
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpResponseMessage _response;
    private readonly Task _reader;

    private SseClient(HttpResponseMessage response)
    {
        _response = response;
        _reader = Task.Run(ReadAsync);
    }

    public static async Task<SseClient> OpenAsync(HttpClient http, string url, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("x-api-key", key);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new SseClient(response);
    }

    /// <summary>The next event of <paramref name="type"/> (others are skipped), or null when none comes in time.</summary>
    public async Task<JsonElement?> NextAsync(string type, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var (eventType, data) = await _events.Reader.ReadAsync(deadline.Token);
                if (eventType == type)
                {
                    return data;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            using var reader = new StreamReader(await _response.Content.ReadAsStreamAsync(_stop.Token));
            var type = "message";
            var data = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Count > 0)
                    {
                        await _events.Writer.WriteAsync((type, JsonDocument.Parse(string.Join("\n", data)).RootElement.Clone()));
                    }
                    (type, data) = ("message", []);
                }
                else if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    type = line[6..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data.Add(line[5..].TrimStart());
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException)
        {
            // The stream ends when the test disposes it or the server goes away.
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        await _reader;
        _stop.Dispose();
    }
}
