using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CdnPulse.Ingest.Apis;

/// <summary>
/// A JSON response written from a buffer with Content-Length set and no compression: Firehose requires a
/// Content-Length on a response with a body and rejects a compressed one.
/// </summary>
internal sealed class JsonBytesResult(byte[] body, int statusCode) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => statusCode;

    public static JsonBytesResult Create<T>(T value, JsonTypeInfo<T> typeInfo, int statusCode) =>
        new(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo), statusCode);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = "application/json";
        httpContext.Response.ContentLength = body.Length;
        return httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}
