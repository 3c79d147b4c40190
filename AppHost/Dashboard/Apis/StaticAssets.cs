using System.Collections.Concurrent;

namespace CdnPulse.Dashboard.Apis;

/// <summary>The page's files, embedded in this assembly under <c>wwwroot/</c> (no CDN: the machine may have no internet).</summary>
internal sealed class StaticAssets
{
    private readonly ConcurrentDictionary<string, byte[]> _cache = new(StringComparer.Ordinal);

    public byte[] Get(string name) => _cache.GetOrAdd(name, static n =>
    {
        using var stream = typeof(StaticAssets).Assembly.GetManifestResourceStream($"wwwroot/{n}")
            ?? throw new InvalidOperationException($"The dashboard asset wwwroot/{n} is not embedded.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    });

    public static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
