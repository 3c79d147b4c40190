using Microsoft.AspNetCore.Http.Metadata;

namespace CdnPulse.MetricsQuery.Queries;

/// <summary>A 200 answer of UTF-8 JSON already written into a <see cref="PooledBufferWriter"/>, which it returns to the pool once sent.</summary>
internal sealed class JsonBytesResult(PooledBufferWriter buffer) : IResult, IEndpointMetadataProvider, IDisposable
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        try
        {
            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            httpContext.Response.ContentType = "application/json";
            httpContext.Response.ContentLength = buffer.WrittenCount;
            await httpContext.Response.Body.WriteAsync(buffer.WrittenMemory, httpContext.RequestAborted);
        }
        finally
        {
            Dispose();
        }
    }

    public void Dispose() => buffer.Dispose();

    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(object), ["application/json"]));
}
