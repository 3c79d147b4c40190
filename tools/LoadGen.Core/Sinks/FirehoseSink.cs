using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CdnPulse.LoadGen.Running;

namespace CdnPulse.LoadGen.Sinks;

/// <summary>
/// POSTs deliveries to a Firehose HTTP endpoint destination (CdnPulse's <c>/firehose</c>) the way Amazon Data Firehose
/// does: JSON with base64 records, the access key in X-Amz-Firehose-Access-Key, optionally gzip. A 5xx, 429, timeout
/// or network error is retried with the same request id, as Firehose retries; any other refusal stops the run.
/// </summary>
public sealed class FirehoseSink : ILineSink
{
    public const string AccessKeyHeader = "X-Amz-Firehose-Access-Key";
    public const string RequestIdHeader = "X-Amz-Firehose-Request-Id";

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _accessKey;
    private readonly bool _gzip;
    private readonly int _maxRecords;
    private readonly int _maxRetries;
    private readonly int _concurrency;
    private readonly string _runId = Guid.NewGuid().ToString("N");

    public FirehoseSink(HttpClient http, Uri endpoint, string accessKey, bool gzip, int recordsPerRequest, int maxRetries, int concurrency)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrEmpty(accessKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(recordsPerRequest, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetries);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _http = http;
        _endpoint = endpoint;
        _accessKey = accessKey;
        _gzip = gzip;
        _maxRecords = recordsPerRequest;
        _maxRetries = maxRetries;
        _concurrency = concurrency;
    }

    public string Name => "firehose";

    public int MaxRecordsPerBatch => _maxRecords;

    public int MaxConcurrency => _concurrency;

    public async Task DeliverAsync(LineBatch batch, RunCounters counters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(counters);
        var requestId = $"{_runId}-{batch.Number}";
        var body = Body(requestId, batch.Records, _gzip);
        for (var attempt = 1; ; attempt++)
        {
            string reason;
            try
            {
                using var request = Request(requestId, body);
                using var response = await _http.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                var error = await ErrorMessageAsync(response, cancellationToken);
                if ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    throw new DeliveryException($"The Firehose endpoint refused request {requestId} with HTTP {(int)response.StatusCode}: {error}");
                }

                reason = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException ex)
            {
                reason = ex.HttpRequestError.ToString();
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                reason = ex.InnerException is TimeoutException ? "timeout" : "cancelled";
            }

            if (attempt > _maxRetries)
            {
                throw new DeliveryException($"Firehose request {requestId} still failed after {_maxRetries} retries (last: {reason}).");
            }

            counters.AddRetries(batch.Records.Count, reason);
            await Backoff.WaitAsync(attempt, cancellationToken);
        }
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The delivery body Firehose sends (protocol 1.0): requestId, timestamp and base64 records.</summary>
    public static byte[] Body(string requestId, IReadOnlyList<byte[]> records, bool gzip)
    {
        using var buffer = new MemoryStream();
        using (var output = gzip ? new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true) : (Stream)buffer)
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteString("requestId", requestId);
            json.WriteNumber("timestamp", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            json.WriteStartArray("records");
            foreach (var record in records)
            {
                json.WriteStartObject();
                json.WriteBase64String("data", record);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private HttpRequestMessage Request(string requestId, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (_gzip)
        {
            request.Content.Headers.ContentEncoding.Add("gzip");
        }

        request.Headers.Add("X-Amz-Firehose-Protocol-Version", "1.0");
        request.Headers.Add(RequestIdHeader, requestId);
        request.Headers.Add(AccessKeyHeader, _accessKey);
        return request;
    }

    // The endpoint answers {"requestId", "timestamp", "errorMessage"}; anything else is shown as a short excerpt.
    private static async Task<string> ErrorMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("errorMessage", out var message) && message.GetString() is { } value)
            {
                return value;
            }
        }
        catch (JsonException)
        {
            // Not the documented shape: fall through to the excerpt.
        }

        return text.Length <= 200 ? text : text[..200] + "…";
    }
}
