using System.IO.Compression;
using System.Text;

namespace CdnPulse.Ingest.Tests;

/// <summary>A JSON POST as Firehose or a log shipper sends it, optionally gzip-compressed (Content-Encoding: gzip).</summary>
internal static class JsonPost
{
    public static async Task<HttpRequestMessage> CreateAsync(string url, string json, bool gzip)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        if (gzip)
        {
            using var buffer = new MemoryStream();
            await using (var zip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                await zip.WriteAsync(bytes);
            }
            bytes = buffer.ToArray();
        }
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        if (gzip)
        {
            request.Content.Headers.ContentEncoding.Add("gzip");
        }
        return request;
    }
}
