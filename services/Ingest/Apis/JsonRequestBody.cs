using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;

namespace CdnPulse.Ingest.Apis;

/// <summary>
/// Reads a JSON request body, plain or gzip (<c>Content-Encoding: gzip</c>), with a size limit that holds after
/// decompression too (a gzip bomb ends at the limit). Never throws for bad input: the result says 400 or 413.
/// </summary>
internal static class JsonRequestBody
{
    public static async Task<BodyReadResult<T>> ReadAsync<T>(HttpContext http, long limit, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }
        if (http.Request.ContentLength > limit)
        {
            return TooLarge<T>(http, $"Body is larger than {limit} bytes.");
        }
        var encoding = http.Request.Headers.ContentEncoding.ToString();
        var gzip = string.Equals(encoding, "gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip && encoding.Length > 0 && !string.Equals(encoding, "identity", StringComparison.OrdinalIgnoreCase))
        {
            return new(null, StatusCodes.Status400BadRequest, $"Content-Encoding '{Truncate(encoding)}' is not supported: send gzip or no encoding.");
        }
        try
        {
            await using var gunzip = gzip ? new GZipStream(http.Request.Body, CompressionMode.Decompress, leaveOpen: true) : null;
            await using var limited = new LengthLimitedStream((Stream?)gunzip ?? http.Request.Body, limit);
            var value = await JsonSerializer.DeserializeAsync(limited, typeInfo, cancellationToken);
            return value is null
                ? new(null, StatusCodes.Status400BadRequest, "Body is JSON null.")
                : new(value, StatusCodes.Status200OK, null);
        }
        catch (BodyTooLargeException)
        {
            return TooLarge<T>(http, $"Body is larger than {limit} bytes after decompression.");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge<T>(http, $"Body is larger than {limit} bytes.");
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or NotSupportedException or BadHttpRequestException)
        {
            return new(null, StatusCodes.Status400BadRequest, "Body is not valid " + (gzip ? "gzip-compressed " : "") + "JSON of the expected shape: " + Truncate(ex.Message));
        }
    }

    /// <summary>
    /// The rest of the body stays unread, so the connection cannot serve another request: say so, or a client that
    /// reuses it sees its next request fail.
    /// </summary>
    private static BodyReadResult<T> TooLarge<T>(HttpContext http, string error) where T : class
    {
        http.Response.Headers.Connection = "close";
        return new(null, StatusCodes.Status413PayloadTooLarge, error);
    }

    /// <summary>Keeps error messages short (Firehose stores at most 8192 characters of one).</summary>
    public static string Truncate(string text, int length = 500) => text.Length <= length ? text : text[..length] + "…";
}
