using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace CdnPulse.Dashboard.Otlp;

/// <summary>An OTLP/HTTP response: a binary protobuf message as <c>application/x-protobuf</c>.</summary>
public sealed class ProtobufResult(IMessage message) : IResult
{
    public const string ContentType = "application/x-protobuf";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ContentType;
        return httpContext.Response.Body.WriteAsync(message.ToByteArray(), httpContext.RequestAborted).AsTask();
    }
}
