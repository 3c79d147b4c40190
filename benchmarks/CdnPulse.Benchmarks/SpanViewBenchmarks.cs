using System.Buffers.Binary;
using System.Net;
using BenchmarkDotNet.Attributes;
using CdnPulse.CdnLogs;
using CdnPulse.Enrichment.IpData;

namespace CdnPulse.Benchmarks;

/// <summary>
/// The allocation-free path: <see cref="RealtimeLogParser.TryRead"/> views the line in place and
/// <see cref="IpLocationDatabase.Locate(ReadOnlySpan{byte})"/> looks its c-ip up as UTF-8. Measures the parsing and
/// look-up work alone, without building <see cref="Contracts.CdnRequest"/>s.
/// </summary>
public class SpanViewBenchmarks
{
    private const int Lines = BenchmarkData.LineCount;

    private BenchmarkData _data = null!;
    private RealtimeLogParser _parser = null!;
    private UInt128[] _addresses = [];

    [Params(LineFormat.Default11, LineFormat.All)]
    public LineFormat Format { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = BenchmarkData.Load(Format);
        _parser = new RealtimeLogParser(_data.Format);
        _addresses = [.. _data.ClientIps.Select(ToUInt128)];
    }

    [Benchmark(OperationsPerInvoke = Lines, Description = "Read + locate (span view, no allocation)")]
    public long ReadAndLocate()
    {
        // Folds every value into a checksum so none of the work can be optimized away.
        long checksum = 0;
        var database = _data.Database;
        foreach (var line in _data.Lines)
        {
            if (_parser.TryRead(line, out var view, out _))
            {
                var location = database.Locate(view.ClientIp);
                var country = view.Country ?? location.Country;
                checksum += view.Status + view.BytesSent + view.Host.Length + view.UriStem.Length + country.Length + location.Isp.Length;
            }
        }

        return checksum;
    }

    [Benchmark(OperationsPerInvoke = Lines, Description = "Read only (span view)")]
    public long Read()
    {
        long checksum = 0;
        foreach (var line in _data.Lines)
        {
            if (_parser.TryRead(line, out var view, out _))
            {
                checksum += view.Status + view.ClientIp.Length;
            }
        }

        return checksum;
    }

    [Benchmark(OperationsPerInvoke = Lines, Description = "Locate only (UTF-8 c-ip)")]
    public int LocateUtf8()
    {
        var found = 0;
        var database = _data.Database;
        foreach (var ip in _data.ClientIpBytes)
        {
            if (!ReferenceEquals(database.Locate(ip).Isp, IpLocationDatabase.NotFound))
            {
                found++;
            }
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = Lines, Description = "Locate only (parsed address, table search alone)")]
    public int LocateParsed()
    {
        var found = 0;
        var database = _data.Database;
        foreach (var address in _addresses)
        {
            if (!ReferenceEquals(database.Locate(address).Isp, IpLocationDatabase.NotFound))
            {
                found++;
            }
        }

        return found;
    }

    // IPv4 as its IPv4-mapped IPv6 form, as the database expects.
    private static UInt128 ToUInt128(string ip)
    {
        var bytes = IPAddress.Parse(ip).MapToIPv6().GetAddressBytes();
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }
}
