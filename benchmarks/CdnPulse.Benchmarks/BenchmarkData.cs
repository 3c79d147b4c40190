using System.Text;
using CdnPulse.CdnLogs;
using CdnPulse.Contracts;
using CdnPulse.Enrichment.IpData;
using CdnPulse.LoadGen.Clients;
using CdnPulse.LoadGen.Traffic;

namespace CdnPulse.Benchmarks;

/// <summary>
/// Realistic input: lines from the load generator (fixed seed, default traffic mix: 10 % IPv6 viewers, five domains,
/// Zipf URLs) and the real ip-location-db tables the Enrichment service loads.
/// </summary>
public sealed class BenchmarkData
{
    public const int LineCount = 16_384;
    public const ulong Seed = 20_260_115;

    private BenchmarkData(IpLocationDatabase database, RealtimeLogFormat format, byte[][] lines, string[] clientIps)
    {
        Database = database;
        Format = format;
        Lines = lines;
        ClientIps = clientIps;
        ClientIpBytes = [.. clientIps.Select(Encoding.ASCII.GetBytes)];
    }

    public IpLocationDatabase Database { get; }

    public RealtimeLogFormat Format { get; }

    /// <summary>UTF-8 lines without line breaks.</summary>
    public byte[][] Lines { get; }

    public string[] ClientIps { get; }

    public byte[][] ClientIpBytes { get; }

    public double AverageLineBytes => Lines.Average(l => l.Length);

    public static BenchmarkData Load(LineFormat lineFormat)
    {
        var folder = IpDataOptions.FindCheckoutFolder()
            ?? throw new DirectoryNotFoundException($"No {IpDataOptions.CheckoutFolder} above {AppContext.BaseDirectory}: run `npm ci --prefix tools/node`.");
        var database = IpLocationLoader.LoadAsync(new IpDataOptions { Folder = folder }).GetAwaiter().GetResult();
        var clients = ClientPool.LoadAsync(folder, CountryWeight.Defaults).GetAwaiter().GetResult();
        var format = LineFormats.Of(lineFormat);
        var generator = new TrafficGenerator(new TrafficSettings { Seed = Seed, StartMs = 1_768_471_200_000, Format = format }, clients);
        var generated = Enumerable.Range(0, LineCount).Select(_ => generator.Next()).ToList();
        return new BenchmarkData(
            database, format, [.. generated.Select(g => Encoding.UTF8.GetBytes(g.Line))], [.. generated.Select(g => g.Request.ClientIp)]);
    }

    public CdnRequest[] ParseAll()
    {
        var parser = new RealtimeLogParser(Format);
        return [.. Lines.Select(line => parser.TryParse(line, out var request, out var reason)
            ? request
            : throw new InvalidDataException($"A generated line was rejected ({reason}): {Encoding.UTF8.GetString(line)}"))];
    }
}
