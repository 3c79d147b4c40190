using System.Text;
using System.Text.Json;
using CdnPulse.CdnLogs;
using CdnPulse.Contracts;
using CdnPulse.Enrichment;
using CdnPulse.Enrichment.IpData;
using CdnPulse.LoadGen.Totals;

namespace CdnPulse.LoadGen.Tests;

[Collection(IpDataCollection.Name)]
public sealed class TotalsTests(IpDataFixture data) : IDisposable
{
    private const int Lines = 12_000;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("default")]
    [InlineData("all")]
    [InlineData("timestamp,c-ip,sc-status,sc-bytes,cs-host,cs-uri-stem,time-taken,x-edge-response-result-type,x-edge-detailed-result-type")]
    public async Task Totals_file_matches_the_lines_as_CdnPulse_parses_and_enriches_them(string fields)
    {
        var fieldList = fields switch
        {
            "default" => null,
            "all" => RealtimeLogFormat.All.ToString(),
            _ => fields,
        };
        var options = Traffic.FileOptions(_folder.File("lines.log"), Lines, fieldList) with { LinesPerSecond = 50, TotalsPath = _folder.File("totals.json") };
        var sent = await Traffic.RunAsync(options, data.Clients);
        await TotalsFile.WriteAsync(options.TotalsPath, sent);
        var totals = await TotalsFile.ReadAsync(options.TotalsPath);

        var parser = new RealtimeLogParser(options.Format);
        var parsed = new List<CdnRequest>();
        var rejects = new RejectCounter();
        parser.ParseBatch(await File.ReadAllBytesAsync(options.FilePath!), parsed, rejects);
        var enriched = new RequestEnricher(new IpLocationProvider(data.Database)).Enrich(parsed);
        var recount = new TrafficTotals();
        foreach (var request in enriched)
        {
            recount.Add(request);
        }

        Assert.Equal(0, rejects.Total);
        Assert.Equal(Lines, totals.Lines);
        Assert.Equal(new FileInfo(options.FilePath!).Length, totals.PayloadBytes);
        Assert.Equal(enriched.Length, totals.Requests);
        Assert.Equal(enriched.Sum(r => r.BytesSent), totals.Bytes);
        Assert.Equal(Lines, totals.Windows.Sum(w => w.Requests));
        Assert.Equal(4, totals.Windows.Select(w => w.Minute).Distinct().Count());
        Assert.DoesNotContain(totals.Windows, w => w.Country == TrafficTotals.UnknownCountry || w.Isps.ContainsKey(IpLocationDatabase.NotFound));
        Assert.Equal(JsonSerializer.Serialize(recount.Windows), JsonSerializer.Serialize(totals.Windows));
    }

    [Fact]
    public async Task Totals_file_records_the_settings_that_reproduce_the_run()
    {
        var options = Traffic.FileOptions(_folder.File("lines.log"), 100, seed: 99) with { TotalsPath = _folder.File("totals.json") };
        await TotalsFile.WriteAsync(options.TotalsPath, await Traffic.RunAsync(options, data.Clients));

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(options.TotalsPath, Encoding.UTF8));
        var root = json.RootElement;
        Assert.Equal(99UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal(RealtimeLogFormat.Default.ToString(), root.GetProperty("fields").GetString());
        Assert.Equal(Traffic.Start, root.GetProperty("start").GetDateTimeOffset());
        Assert.Equal("file", root.GetProperty("sink").GetString());
        Assert.True(root.GetProperty("complete").GetBoolean());
        var window = root.GetProperty("windows")[0];
        Assert.All(
            ["domain", "minute", "country", "requests", "bytes", "originRequests", "hits", "statusCodes", "edgeTypes", "isps"],
            name => Assert.True(window.TryGetProperty(name, out _), name));
    }

    [Fact]
    public void Every_viewer_address_resolves_to_the_country_and_ISP_the_generator_recorded()
    {
        var lines = Traffic.Generate(data.Clients, 20_000);

        var wrong = lines.Where(l => data.Database.Locate(l.Request.ClientIp) != new IpLocation(l.Client.Country, l.Client.Isp))
            .Select(l => $"{l.Request.ClientIp}: generator {l.Client.Country}/{l.Client.Isp}, look-up {data.Database.Locate(l.Request.ClientIp)}")
            .Take(10).ToList();
        Assert.Empty(wrong);
        Assert.Contains(lines, l => l.Client.IsIPv6);
        Assert.Contains(lines, l => !l.Client.IsIPv6);
    }
}
