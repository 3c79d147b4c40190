using BenchmarkDotNet.Attributes;
using CdnPulse.CdnLogs;
using CdnPulse.Contracts;
using CdnPulse.Enrichment;
using CdnPulse.Enrichment.IpData;

namespace CdnPulse.Benchmarks;

/// <summary>
/// Parse + enrich on one thread, per line: what Ingest (parse) and Enrichment (country, ISP) spend on each log line.
/// The parts are measured alone too, to show where the time goes.
/// </summary>
public class ParseEnrichBenchmarks
{
    private const int Lines = BenchmarkData.LineCount;

    /// <summary>Ingest's default <c>MaxRequestsPerMessage</c>: the batch size the Enrichment service receives.</summary>
    private const int BatchSize = 5000;

    private BenchmarkData _data = null!;
    private RealtimeLogParser _parser = null!;
    private RequestEnricher _enricher = null!;
    private CdnRequest[] _parsed = [];
    private readonly IpLocation[] _locations = new IpLocation[Lines];
    private readonly List<CdnRequest> _batch = new(BatchSize);

    [Params(LineFormat.Default11, LineFormat.All)]
    public LineFormat Format { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = BenchmarkData.Load(Format);
        _parser = new RealtimeLogParser(_data.Format);
        _enricher = new RequestEnricher(new IpLocationProvider(_data.Database));
        _parsed = _data.ParseAll();
        Console.WriteLine($"// {Format}: {Lines} lines, {_data.AverageLineBytes:F0} bytes per line on average");
    }

    [Benchmark(OperationsPerInvoke = Lines, Description = "Parse + enrich (CdnRequest)")]
    public int ParseAndEnrich()
    {
        // In batches of Ingest's default message size, as the services see them.
        var enriched = 0;
        _batch.Clear();
        foreach (var line in _data.Lines)
        {
            if (_parser.TryParse(line, out var request, out _))
            {
                _batch.Add(request);
                if (_batch.Count == BatchSize)
                {
                    enriched += _enricher.Enrich(_batch).Length;
                    _batch.Clear();
                }
            }
        }

        return enriched + _enricher.Enrich(_batch).Length;
    }

    [Benchmark(OperationsPerInvoke = Lines, Description = "Parse only")]
    public int Parse()
    {
        var accepted = 0;
        foreach (var line in _data.Lines)
        {
            if (_parser.TryParse(line, out _, out _))
            {
                accepted++;
            }
        }

        return accepted;
    }

    [Benchmark(OperationsPerInvoke = Lines, Description = "Enrich only")]
    public int Enrich()
    {
        var enriched = 0;
        for (var start = 0; start < _parsed.Length; start += BatchSize)
        {
            enriched += _enricher.Enrich(new ArraySegment<CdnRequest>(_parsed, start, Math.Min(BatchSize, _parsed.Length - start))).Length;
        }

        return enriched;
    }

    [Benchmark(OperationsPerInvoke = Lines, Description = "Locate only (batched, as the enricher does)")]
    public int LocateBatched()
    {
        _data.Database.Locate(_data.ClientIps, _locations);
        return _locations.Length;
    }

    [Benchmark(OperationsPerInvoke = Lines, Description = "Locate only (country + ISP)")]
    public int Locate()
    {
        var found = 0;
        var database = _data.Database;
        foreach (var ip in _data.ClientIps)
        {
            if (!ReferenceEquals(database.Locate(ip).Isp, IpLocationDatabase.NotFound))
            {
                found++;
            }
        }

        return found;
    }
}
