using CdnPulse.CdnLogs;
using CdnPulse.LoadGen.Clients;
using CdnPulse.LoadGen.Traffic;

namespace CdnPulse.LoadGen.Options;

/// <summary>A validated command line of cdnpulse-loadgen; see <see cref="LoadGenOptionsParser"/> for the flags.</summary>
public sealed record LoadGenOptions
{
    public SinkKind Sink { get; init; } = SinkKind.File;

    /// <summary>Output file for <see cref="SinkKind.File"/>; "-" is standard output.</summary>
    public string? FilePath { get; init; }

    /// <summary>Kinesis endpoint override (kinesalite); null means AWS in <see cref="Region"/>.</summary>
    public string? KinesisUrl { get; init; }

    public string StreamName { get; init; } = Kinesis.KinesisOptions.DefaultStreamName;

    public string Region { get; init; } = Kinesis.KinesisOptions.DefaultRegion;

    /// <summary>Create the stream with this many shards when it does not exist (for kinesalite); null expects it to exist.</summary>
    public int? CreateStreamShards { get; init; }

    public Uri? FirehoseUrl { get; init; }

    /// <summary>The Firehose endpoint's access key. Never printed.</summary>
    public string? AccessKey { get; init; }

    public bool Gzip { get; init; }

    public int LinesPerRecord { get; init; } = 1;

    /// <summary>Records per PutRecords call or Firehose request.</summary>
    public int RecordsPerRequest { get; init; } = 500;

    public int Concurrency { get; init; } = 4;

    public int MaxRetries { get; init; } = 10;

    public double LinesPerSecond { get; init; } = 1000;

    /// <summary>Total lines: --count, or --rate × --duration.</summary>
    public long Lines { get; init; }

    /// <summary>First timestamp; null means the time the run starts.</summary>
    public DateTimeOffset? Start { get; init; }

    public ulong Seed { get; init; } = 1;

    public RealtimeLogFormat Format { get; init; } = RealtimeLogFormat.Default;

    public IReadOnlyList<DomainSettings> Domains { get; init; } = DomainSettings.Defaults;

    public IReadOnlyList<CountryWeight> Countries { get; init; } = CountryWeight.Defaults;

    public int UrlsPerDomain { get; init; } = TrafficSettings.DefaultUrlsPerDomain;

    public double ZipfExponent { get; init; } = 1.0;

    public double IPv6Share { get; init; } = 0.1;

    /// <summary>The @ip-location-db folder; null means the one found above the tool or the working directory.</summary>
    public string? IpDataFolder { get; init; }

    /// <summary>Where the totals JSON goes; null writes none.</summary>
    public string? TotalsPath { get; init; }

    /// <summary>Send as fast as the sink takes lines instead of at the rate (timestamps keep the rate's spacing).</summary>
    public bool Fast { get; init; }

    public bool Progress { get; init; } = true;

    public TrafficSettings ToTrafficSettings(DateTimeOffset now) => new()
    {
        Seed = Seed,
        StartMs = (Start ?? now).ToUnixTimeMilliseconds(),
        LinesPerSecond = LinesPerSecond,
        Domains = Domains,
        UrlsPerDomain = UrlsPerDomain,
        ZipfExponent = ZipfExponent,
        IPv6Share = IPv6Share,
        Format = Format,
    };
}
