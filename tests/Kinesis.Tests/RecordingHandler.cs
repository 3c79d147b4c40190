using System.Net;
using System.Text;

namespace CdnPulse.Kinesis.Tests;

/// <summary>The transport under the SigV4 handler in tests without a server: records what went on the wire, answers from a script.</summary>
public sealed class RecordingHandler(Func<RecordedRequest, HttpResponseMessage> respond) : HttpMessageHandler
{
    private readonly List<RecordedRequest> _requests = [];

    public RecordingHandler(params string[] jsonResponses)
        : this(Script(jsonResponses))
    {
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/x-amz-json-1.1") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, headers, body);
        lock (_requests)
        {
            _requests.Add(recorded);
        }
        return respond(recorded);
    }

    private static Func<RecordedRequest, HttpResponseMessage> Script(string[] jsonResponses)
    {
        var next = 0;
        return _ => Json(jsonResponses[Math.Min(Interlocked.Increment(ref next) - 1, jsonResponses.Length - 1)]);
    }
}
