using CdnPulse.CdnLogs;
using CdnPulse.Contracts;
using CdnPulse.LoadGen.Clients;

namespace CdnPulse.LoadGen.Traffic;

/// <summary>
/// Produces an endless, reproducible sequence of CloudFront real-time log lines: Zipf-popular URLs on several domains,
/// viewers from real country/ASN address ranges, hit/miss/error mixes, heavy-tailed sizes and durations. The same
/// settings and client pool give the same lines byte for byte. Not thread-safe.
/// </summary>
public sealed class TrafficGenerator
{
    // Random streams: catalogs, requests and the columns CdnPulse ignores are independent of each other.
    private const ulong CatalogStream = 1;
    private const ulong RequestStream = 2;
    private const ulong ExtraStream = 3;

    private readonly TrafficSettings _settings;
    private readonly ClientPool _clients;
    private readonly DomainTraffic[] _domains;
    private readonly WeightedChoice<int> _domainChoice;
    private readonly SeededRandom _random;
    private readonly ExtraFields? _extras;
    private readonly LogLineWriter _writer;
    private readonly int[] _extraColumns;

    public TrafficGenerator(TrafficSettings settings, ClientPool clients)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clients);
        if (settings.Domains.Count == 0)
        {
            throw new ArgumentException("At least one domain is needed.", nameof(settings));
        }

        if (!(settings.LinesPerSecond > 0) || !double.IsFinite(settings.LinesPerSecond))
        {
            throw new ArgumentException("LinesPerSecond must be a positive number.", nameof(settings));
        }

        _settings = settings;
        _clients = clients;
        var catalogRandom = SeededRandom.ForStream(settings.Seed, CatalogStream);
        _domains = [.. settings.Domains.Select(d => new DomainTraffic(d, settings.UrlsPerDomain, settings.ZipfExponent, catalogRandom))];
        _domainChoice = new(settings.Domains.Select((d, i) => (i, d.Weight)));
        _random = SeededRandom.ForStream(settings.Seed, RequestStream);
        _writer = new LogLineWriter(settings.Format);
        _extraColumns = [.. settings.Format.Fields.Select((f, i) => (f, i)).Where(p => !WriterFills(p.f)).Select(p => p.i)];
        _extras = _extraColumns.Length > 0 ? new ExtraFields(SeededRandom.ForStream(settings.Seed, ExtraStream)) : null;
    }

    public RealtimeLogFormat Format => _settings.Format;

    /// <summary>Lines generated so far; also the index of the next line.</summary>
    public long Generated { get; private set; }

    /// <summary>The object of rank <paramref name="rank"/> on domain <paramref name="domain"/> (an index into the settings' domains).</summary>
    public CatalogEntry Url(int domain, int rank) => _domains[domain].Catalog[rank];

    public GeneratedLine Next()
    {
        var index = Generated++;
        var domain = _domains[_domainChoice.PickIndex(_random)];
        var rank = domain.Popularity.Sample(_random);
        var entry = domain.Catalog[rank];
        var client = _clients.Pick(_random, _settings.IPv6Share);
        var (outcome, originMs) = OutcomeModel.Decide(_random, domain, entry, rank);
        var bodyBytes = BodyBytes(entry, outcome.Kind);
        var bytesSent = outcome.Kind == OutcomeKind.Aborted ? bodyBytes : bodyBytes + _random.Between(250, 520);

        // The viewer's round trip, the edge's own work, the origin, then the transfer at the viewer's throughput.
        var rttMs = CountryNetwork.MedianRttMs(client.Country) * _random.LogNormal(1, 0.5);
        var edgeMs = 0.2 + _random.NextDouble();
        var transferMs = bytesSent / _random.LogNormal(4_000_000, 1.0) * 1000;
        var timeTakenMs = Math.Clamp(Math.Round(rttMs + edgeMs + originMs + transferMs), 1, 3_600_000);
        double? timeToFirstByteMs = outcome.Kind == OutcomeKind.Aborted
            ? null
            : Math.Clamp(Math.Round((rttMs / 2) + edgeMs + originMs), 1, timeTakenMs);
        var timestampMs = _settings.StartMs + (long)Math.Floor((index + _random.NextDouble()) * 1000 / _settings.LinesPerSecond);

        var request = new CdnRequest(timestampMs, client.Ip, outcome.Status, bytesSent, domain.Settings.Name, entry.Path, timeTakenMs,
            outcome.ResponseType, outcome.DetailedType, client.Country, client.Isp, timeToFirstByteMs);
        var line = _writer.Write(request);
        if (_extras is not null)
        {
            line = FillExtraColumns(line, _extras.Draw(new LineFacts(request, client, domain, entry, outcome, bodyBytes, originMs)));
        }

        return new GeneratedLine(index, request, client, line);
    }

    private long BodyBytes(CatalogEntry entry, OutcomeKind kind) => kind switch
    {
        OutcomeKind.Full => entry.Class == ContentClass.Api ? (long)Math.Max(2, _random.LogNormal(entry.ObjectBytes, 0.5)) : entry.ObjectBytes,
        OutcomeKind.Partial => Math.Min(entry.ObjectBytes, (long)Math.Max(1, _random.LogNormal(512 * 1024, 0.7))),
        OutcomeKind.ErrorPage => _random.Between(200, 1200),
        OutcomeKind.Aborted => _random.Chance(0.5) ? 0 : (long)(entry.ObjectBytes * _random.NextDouble()),
        _ => 0,
    };

    // The writer puts '-' (cs-bytes: a placeholder) where a request holds no value; those columns are filled here.
    private string FillExtraColumns(string line, string?[] values)
    {
        var columns = line.Split('\t');
        foreach (var column in _extraColumns)
        {
            columns[column] = values[(int)_settings.Format.Fields[column]] ?? "-";
        }

        return string.Join('\t', columns);
    }

    private static bool WriterFills(RealtimeLogField field) => field is RealtimeLogField.Timestamp or RealtimeLogField.CIp
        or RealtimeLogField.ScStatus or RealtimeLogField.ScBytes or RealtimeLogField.CsHost or RealtimeLogField.CsUriStem
        or RealtimeLogField.TimeTaken or RealtimeLogField.TimeToFirstByte or RealtimeLogField.XEdgeResponseResultType
        or RealtimeLogField.XEdgeDetailedResultType or RealtimeLogField.CCountry;
}
