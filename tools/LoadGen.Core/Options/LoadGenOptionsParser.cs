using CdnPulse.CdnLogs;
using CdnPulse.Kinesis;

namespace CdnPulse.LoadGen.Options;

/// <summary>
/// Reads the cdnpulse-loadgen command line (<c>--name value</c> or <c>--name=value</c>) and checks it as a whole, so
/// one run reports every problem at once. The Firehose access key may also come from
/// <see cref="AccessKeyVariable"/> or an endpoints file, which keeps it out of the process list.
/// </summary>
public static class LoadGenOptionsParser
{
    public const string AccessKeyVariable = "CDNPULSE_FIREHOSE_ACCESS_KEY";
    public const int MaxUrlsPerDomain = 200_000;
    public const double MaxLinesPerSecond = 10_000_000;

    private static readonly HashSet<string> Flags = ["--gzip", "--fast", "--no-progress", "--help"];

    private static readonly HashSet<string> Valued =
    [
        "--to", "--file", "--endpoints", "--kinesis-url", "--stream", "--region", "--create-stream", "--firehose-url", "--access-key",
        "--lines-per-record", "--records-per-request", "--concurrency", "--max-retries", "--rate", "--count", "--duration",
        "--start", "--seed", "--fields", "--domains", "--countries", "--urls", "--zipf", "--ipv6-share", "--ip-data", "--totals",
    ];

    public static OptionsParseResult Parse(IReadOnlyList<string> args, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        environment ??= Environment.GetEnvironmentVariable;
        var errors = new List<string>();
        var values = Read(args, errors, out var help);
        if (help)
        {
            return new OptionsParseResult(null, [], HelpRequested: true);
        }

        var options = Build(values, environment, errors);
        return new OptionsParseResult(errors.Count == 0 ? options : null, errors, HelpRequested: false);
    }

    private static Dictionary<string, string> Read(IReadOnlyList<string> args, List<string> errors, out bool help)
    {
        help = false;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "-?")
            {
                arg = "--help";
            }

            var equals = arg.IndexOf('=');
            var name = arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? arg[..equals] : arg;
            string? value = equals > 0 && name != arg ? arg[(equals + 1)..] : null;
            if (Flags.Contains(name))
            {
                help |= name == "--help";
                if (value is not null)
                {
                    errors.Add($"{name} is a switch and takes no value.");
                }

                value = "true";
            }
            else if (Valued.Contains(name))
            {
                if (value is null)
                {
                    if (i + 1 >= args.Count || (args[i + 1].StartsWith("--", StringComparison.Ordinal) && args[i + 1].Length > 2))
                    {
                        errors.Add($"Option {name} needs a value.");
                        continue;
                    }

                    value = args[++i];
                }
            }
            else
            {
                errors.Add(arg.StartsWith('-')
                    ? $"Unknown option '{name}'. Run with --help for the list."
                    : $"Unexpected argument '{arg}': every value follows an option name (for example --rate {arg}).");
                continue;
            }

            if (!values.TryAdd(name, value))
            {
                errors.Add($"Option {name} is given more than once.");
            }
        }

        return values;
    }

    private static LoadGenOptions Build(Dictionary<string, string> values, Func<string, string?> environment, List<string> errors)
    {
        string? Get(string name) => values.GetValueOrDefault(name);
        var options = new LoadGenOptions();

        var sink = SinkKind.File;
        if (Get("--to") is { } to && !Enum.TryParse(to, ignoreCase: true, out sink))
        {
            errors.Add($"--to must be file, kinesis or firehose ('{to}').");
        }

        var endpoints = Get("--endpoints") is { } endpointsPath ? EndpointsFile.Read("--endpoints", endpointsPath, errors) : null;
        var rate = Get("--rate") is { } rateText
            ? OptionValues.Number("--rate", rateText, 0, MaxLinesPerSecond, minExclusive: true, errors, $"a number of lines per second above 0 and at most {MaxLinesPerSecond:N0}")
            : options.LinesPerSecond;
        var lines = Lines(Get("--count"), Get("--duration"), rate, errors);
        var start = Get("--start") is { } startText ? OptionValues.Start("--start", startText, errors, out _) : null;
        ulong seed = options.Seed;
        if (Get("--seed") is { } seedText && !ulong.TryParse(seedText, out seed))
        {
            errors.Add($"--seed must be a whole number from 0 to {ulong.MaxValue} ('{seedText}').");
        }

        options = options with
        {
            Sink = sink,
            FilePath = Get("--file"),
            KinesisUrl = Get("--kinesis-url") ?? endpoints?.KinesisUrl,
            StreamName = Get("--stream") ?? endpoints?.StreamName ?? options.StreamName,
            Region = Get("--region") ?? endpoints?.Region ?? options.Region,
            CreateStreamShards = (int?)Whole("--create-stream", 1, 100),
            AccessKey = Get("--access-key") ?? NullIfEmpty(environment(AccessKeyVariable)) ?? endpoints?.AccessKey,
            Gzip = Get("--gzip") is not null,
            LinesPerRecord = (int)(Whole("--lines-per-record", 1, KinesisClient.MaxPutRecordsEntries) ?? options.LinesPerRecord),
            RecordsPerRequest = (int)(Whole("--records-per-request", 1, KinesisClient.MaxPutRecordsEntries) ?? options.RecordsPerRequest),
            Concurrency = (int)(Whole("--concurrency", 1, 64) ?? options.Concurrency),
            MaxRetries = (int)(Whole("--max-retries", 0, 100) ?? options.MaxRetries),
            LinesPerSecond = rate ?? options.LinesPerSecond,
            Lines = lines ?? 0,
            Start = start,
            Seed = seed,
            Format = Get("--fields") is { } fields ? Format(fields, errors) ?? options.Format : options.Format,
            Domains = Get("--domains") is { } domains ? OptionValues.Domains("--domains", domains, errors) ?? options.Domains : options.Domains,
            Countries = Get("--countries") is { } countries ? OptionValues.Countries("--countries", countries, errors) ?? options.Countries : options.Countries,
            UrlsPerDomain = (int)(Whole("--urls", 1, MaxUrlsPerDomain) ?? options.UrlsPerDomain),
            ZipfExponent = Get("--zipf") is { } zipf ? OptionValues.Number("--zipf", zipf, 0, 5, minExclusive: false, errors, "a number from 0 to 5") ?? 1 : options.ZipfExponent,
            IPv6Share = Get("--ipv6-share") is { } share ? OptionValues.Number("--ipv6-share", share, 0, 1, minExclusive: false, errors, "a share from 0 to 1") ?? 0 : options.IPv6Share,
            IpDataFolder = Get("--ip-data"),
            TotalsPath = Get("--totals"),
            Fast = Get("--fast") is not null,
            Progress = Get("--no-progress") is null,
        };

        CheckSink(options, Get("--firehose-url") ?? endpoints?.FirehoseUrl, values, errors, out var firehoseUrl);
        return options with { FirehoseUrl = firehoseUrl };

        long? Whole(string name, long min, long max) => Get(name) is { } text ? OptionValues.WholeNumber(name, text, min, max, errors) : null;
    }

    private static long? Lines(string? count, string? duration, double? rate, List<string> errors)
    {
        if (count is not null && duration is not null)
        {
            errors.Add("Give either --count or --duration, not both.");
            return null;
        }

        if (count is not null)
        {
            return OptionValues.WholeNumber("--count", count, 1, long.MaxValue / 2, errors);
        }

        if (duration is null)
        {
            errors.Add("Say how much to send: --count <lines> or --duration <time> (with --rate, default 1000 lines/s).");
            return null;
        }

        if (OptionValues.Duration("--duration", duration, errors) is not { } span || rate is not { } perSecond)
        {
            return null;
        }

        var lines = (long)Math.Round(span.TotalSeconds * perSecond);
        if (lines < 1)
        {
            errors.Add($"--duration {duration} at {perSecond} lines/s is less than one line.");
            return null;
        }

        return lines;
    }

    private static RealtimeLogFormat? Format(string fields, List<string> errors)
    {
        switch (fields.ToLowerInvariant())
        {
            case "default":
                return RealtimeLogFormat.Default;
            case "all":
                return RealtimeLogFormat.All;
        }

        try
        {
            return RealtimeLogFormat.Parse(fields);
        }
        catch (ArgumentException ex)
        {
            errors.Add($"--fields: {ex.Message.Replace(" (Parameter 'fieldNames')", "", StringComparison.Ordinal)}");
            return null;
        }
    }

    private static void CheckSink(LoadGenOptions options, string? firehoseUrlText, Dictionary<string, string> values, List<string> errors, out Uri? firehoseUrl)
    {
        firehoseUrl = null;
        if (options.Sink != SinkKind.File && values.ContainsKey("--file"))
        {
            errors.Add("--file applies to --to file only.");
        }

        if (options.Sink != SinkKind.Kinesis && options.CreateStreamShards is not null)
        {
            errors.Add("--create-stream applies to --to kinesis only.");
        }

        if (options.Sink != SinkKind.Firehose && options.Gzip)
        {
            errors.Add("--gzip applies to --to firehose only.");
        }

        switch (options.Sink)
        {
            case SinkKind.File when string.IsNullOrWhiteSpace(options.FilePath):
                errors.Add("--to file needs --file <path> ('-' writes to standard output).");
                break;
            case SinkKind.Kinesis:
                var kinesis = new KinesisOptions { ServiceUrl = options.KinesisUrl, Region = options.Region, StreamName = options.StreamName };
                errors.AddRange(kinesis.Validate().Select(error => error
                    .Replace($"{KinesisOptions.SectionName}:{nameof(KinesisOptions.ServiceUrl)}", "--kinesis-url", StringComparison.Ordinal)
                    .Replace($"{KinesisOptions.SectionName}:{nameof(KinesisOptions.Region)}", "--region", StringComparison.Ordinal)
                    .Replace($"{KinesisOptions.SectionName}:{nameof(KinesisOptions.StreamName)}", "--stream", StringComparison.Ordinal)));
                break;
            case SinkKind.Firehose:
                if (firehoseUrlText is null)
                {
                    errors.Add("--to firehose needs --firehose-url <url of the /firehose endpoint> (or --endpoints .cdnpulse/endpoints.json).");
                }
                else if (!Uri.TryCreate(firehoseUrlText, UriKind.Absolute, out firehoseUrl) || (firehoseUrl.Scheme != Uri.UriSchemeHttp && firehoseUrl.Scheme != Uri.UriSchemeHttps))
                {
                    errors.Add($"--firehose-url '{firehoseUrlText}' is not an absolute http(s) URL.");
                    firehoseUrl = null;
                }

                if (string.IsNullOrEmpty(options.AccessKey))
                {
                    errors.Add($"--to firehose needs the endpoint's access key: --access-key, the {AccessKeyVariable} environment variable, or --endpoints.");
                }

                break;
            default:
                break;
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
