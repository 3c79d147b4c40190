using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using CdnPulse.Kinesis.Wire;

namespace CdnPulse.Kinesis;

/// <summary>
/// A thin client for the Kinesis Data Streams JSON API (POST / with <c>X-Amz-Target: Kinesis_20131202.&lt;Operation&gt;</c>).
/// Requests must be SigV4-signed for service "kinesis" by a handler in the HttpClient's chain; <see cref="Create"/> builds one.
/// No retries here: callers decide using <see cref="KinesisException.IsThrottling"/> and PutRecords' per-entry errors.
/// </summary>
public sealed partial class KinesisClient : IDisposable
{
    public const string SigningServiceName = "kinesis";

    private const string ContentType = "application/x-amz-json-1.1";
    private const string TargetPrefix = "Kinesis_20131202.";

    private static KinesisJsonContext Json => KinesisJsonContext.Default;

    private readonly HttpClient _http;
    private readonly bool _ownsHttpClient;
    private readonly string _region;

    /// <summary>Uses <paramref name="httpClient"/> as given (its handlers must sign requests); the caller keeps ownership of it.</summary>
    public KinesisClient(HttpClient httpClient, KinesisOptions options)
        : this(httpClient, options, ownsHttpClient: false)
    {
    }

    private KinesisClient(HttpClient httpClient, KinesisOptions options, bool ownsHttpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        _http = httpClient;
        _ownsHttpClient = ownsHttpClient;
        _region = options.Region;
        Endpoint = options.GetEndpoint();
    }

    public Uri Endpoint { get; }

    /// <summary>
    /// A client that signs with <paramref name="credentials"/>, or with the default AWS credential chain when null. For a
    /// loopback <see cref="KinesisOptions.ServiceUrl"/> (kinesalite) missing credentials fall back to placeholders.
    /// <paramref name="inner"/> replaces the transport under the signer (tests record requests with it); the client owns
    /// and disposes the whole chain.
    /// </summary>
    public static KinesisClient Create(KinesisOptions options, AWSCredentials? credentials = null, HttpMessageHandler? inner = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        credentials ??= KinesisCredentials.Resolve(options);
        // Redirects must not be followed below the signer: the next hop would carry a stale or stripped signature.
        inner ??= new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        var signer = new SigV4SigningHandler(credentials, RegionEndpoint.GetBySystemName(options.Region), SigningServiceName, inner);
        return new KinesisClient(new HttpClient(signer), options, ownsHttpClient: true);
    }

    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _http.Dispose();
        }
    }

    private Activity? StartCall(string operation, string? streamName = null, string? shardId = null) =>
        KinesisTelemetry.StartCall(operation, _region, streamName, shardId);

    private async Task<TResponse> SendAsync<TRequest, TResponse>(string operation, TRequest request, JsonTypeInfo<TRequest> requestInfo,
        JsonTypeInfo<TResponse> responseInfo, Activity? activity, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await PostAsync(operation, request, requestInfo, activity, cancellationToken);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonSerializer.DeserializeAsync(body, responseInfo, cancellationToken)
                ?? throw new InvalidDataException($"Kinesis {operation} returned an empty response body.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            MarkFailed(activity, ex);
            throw;
        }
    }

    /// <summary>For operations whose success response has no body (CreateStream, SplitShard, MergeShards).</summary>
    private async Task SendAsync<TRequest>(string operation, TRequest request, JsonTypeInfo<TRequest> requestInfo, Activity? activity,
        CancellationToken cancellationToken)
    {
        try
        {
            using var response = await PostAsync(operation, request, requestInfo, activity, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            MarkFailed(activity, ex);
            throw;
        }
    }

    private async Task<HttpResponseMessage> PostAsync<TRequest>(string operation, TRequest request, JsonTypeInfo<TRequest> requestInfo,
        Activity? activity, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, requestInfo)),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        message.Headers.Add("X-Amz-Target", TargetPrefix + operation);

        var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        activity?.SetTag(KinesisTelemetry.RequestIdTag, KinesisErrors.HeaderValue(response, "x-amzn-RequestId"));
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            throw await KinesisErrors.FromResponseAsync(operation, response, cancellationToken);
        }
    }

    private static void MarkFailed(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }
        var errorType = exception is KinesisException kinesis ? kinesis.ErrorType : exception.GetType().FullName;
        activity.SetStatus(ActivityStatusCode.Error, errorType);
        activity.SetTag("error.type", errorType);
    }
}
