using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace CdnPulse.Dashboard.Otlp;

/// <summary>
/// The answer to a unary gRPC call over HTTP/2: status 200, <c>application/grpc</c>, one framed message on success,
/// and the outcome in the <c>grpc-status</c> (and percent-encoded <c>grpc-message</c>) trailers.
/// </summary>
public sealed class GrpcResult : IResult
{
    public const int Ok = 0;
    public const int InvalidArgument = 3;
    public const int ResourceExhausted = 8;
    public const int Unimplemented = 12;
    public const int Unauthenticated = 16;

    private readonly IMessage? _message;
    private readonly int _status;
    private readonly string? _detail;

    private GrpcResult(IMessage? message, int status, string? detail)
    {
        _message = message;
        _status = status;
        _detail = detail;
    }

    public int Status => _status;

    public static GrpcResult Success(IMessage message) => new(message, Ok, null);

    public static GrpcResult Failure(int status, string detail) => new(null, status, detail);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        if (_message is not null)
        {
            await response.Body.WriteAsync(GrpcFrame.Encode(_message.ToByteArray()), httpContext.RequestAborted);
        }
        response.AppendTrailer("grpc-status", _status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (_detail is not null)
        {
            response.AppendTrailer("grpc-message", Uri.EscapeDataString(_detail));
        }
    }
}
