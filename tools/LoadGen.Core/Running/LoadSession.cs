using CdnPulse.Kinesis;
using CdnPulse.LoadGen.Clients;
using CdnPulse.LoadGen.Options;
using CdnPulse.LoadGen.Sinks;
using CdnPulse.LoadGen.Totals;
using CdnPulse.LoadGen.Traffic;

namespace CdnPulse.LoadGen.Running;

/// <summary>
/// One load-generator run put together from its options: the client pool, the generator, the sink and the runner;
/// afterwards the totals document. The command-line tool is a progress display around this.
/// </summary>
public sealed class LoadSession : IAsyncDisposable
{
    private static readonly TimeSpan StreamCreationTimeout = TimeSpan.FromSeconds(60);

    private LoadSession(LoadGenOptions options, TrafficSettings settings, ClientPool clients, ILineSink sink)
    {
        Options = options;
        Settings = settings;
        Clients = clients;
        Sink = sink;
        Generator = new TrafficGenerator(settings, clients);
        Runner = new LoadRunner(Generator, sink, new RunPlan(options.Lines, options.LinesPerSecond, options.LinesPerRecord, !options.Fast));
    }

    public LoadGenOptions Options { get; }

    public TrafficSettings Settings { get; }

    public ClientPool Clients { get; }

    public ILineSink Sink { get; }

    public TrafficGenerator Generator { get; }

    public LoadRunner Runner { get; }

    /// <param name="options">Validated options.</param>
    /// <param name="now">The start time when the options say "now".</param>
    /// <param name="clients">A pool already loaded for the options' countries (tests share one); null loads it.</param>
    /// <param name="cancellationToken">Cancels loading and stream creation.</param>
    public static async Task<LoadSession> OpenAsync(LoadGenOptions options, DateTimeOffset now, ClientPool? clients = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (clients is null)
        {
            var folder = options.IpDataFolder ?? ClientPool.FindDataFolder()
                ?? throw new DirectoryNotFoundException($"No {ClientPool.CheckoutFolder} folder above the tool or the working directory. {IpDataCsvHint}");
            clients = await ClientPool.LoadAsync(folder, options.Countries, cancellationToken);
        }

        var sink = await OpenSinkAsync(options, cancellationToken);
        return new LoadSession(options, options.ToTrafficSettings(now), clients, sink);
    }

    public Task<RunResult> RunAsync(CancellationToken stop, CancellationToken abort = default) => Runner.RunAsync(stop, abort);

    public TotalsDocument Document(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var counters = Runner.Counters;
        return new TotalsDocument
        {
            Seed = Settings.Seed,
            Fields = Settings.Format.ToString(),
            Start = DateTimeOffset.FromUnixTimeMilliseconds(Settings.StartMs),
            LinesPerSecond = Settings.LinesPerSecond,
            Sink = Sink.Name,
            PlannedLines = Options.Lines,
            Lines = counters.Acknowledged,
            Records = counters.Records,
            PayloadBytes = counters.PayloadBytes,
            Retries = counters.Retries,
            Complete = result.Complete,
            ElapsedSeconds = Math.Round(result.Elapsed.TotalSeconds, 3),
            Requests = result.Totals.Requests,
            Bytes = result.Totals.Bytes,
            Windows = result.Totals.Windows,
        };
    }

    public ValueTask DisposeAsync() => Sink.DisposeAsync();

    private const string IpDataCsvHint = "Install it with `npm ci --prefix tools/node` from the repository root, or pass --ip-data <folder>.";

    private static async Task<ILineSink> OpenSinkAsync(LoadGenOptions options, CancellationToken cancellationToken)
    {
        switch (options.Sink)
        {
            case SinkKind.File:
                return FileSink.Open(options.FilePath ?? throw new ArgumentException("A file sink needs a path.", nameof(options)));
            case SinkKind.Kinesis:
                var kinesisOptions = new KinesisOptions { ServiceUrl = options.KinesisUrl, Region = options.Region, StreamName = options.StreamName };
                var client = KinesisClient.Create(kinesisOptions);
                try
                {
                    await CheckStreamAsync(client, options, cancellationToken);
                }
                catch
                {
                    client.Dispose();
                    throw;
                }

                return new KinesisSink(client, options.StreamName, options.MaxRetries, options.Concurrency);
            default:
                var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
                return new FirehoseSink(http, options.FirehoseUrl ?? throw new ArgumentException("A Firehose sink needs a URL.", nameof(options)),
                    options.AccessKey ?? throw new ArgumentException("A Firehose sink needs an access key.", nameof(options)),
                    options.Gzip, options.RecordsPerRequest, options.MaxRetries, options.Concurrency);
        }
    }

    // Fails before the first line with a message that names the stream, rather than on every PutRecords.
    private static async Task CheckStreamAsync(KinesisClient client, LoadGenOptions options, CancellationToken cancellationToken)
    {
        if (options.CreateStreamShards is { } shards)
        {
            await client.EnsureStreamAsync(options.StreamName, shards, StreamCreationTimeout, cancellationToken);
            return;
        }

        try
        {
            var summary = await client.DescribeStreamSummaryAsync(options.StreamName, cancellationToken);
            if (!summary.IsActive)
            {
                await client.WaitForStreamActiveAsync(options.StreamName, StreamCreationTimeout, cancellationToken);
            }
        }
        catch (KinesisException ex) when (ex.IsResourceNotFound)
        {
            throw new DeliveryException($"The Kinesis stream '{options.StreamName}' does not exist at {client.Endpoint}; create it or pass --create-stream <shards>.", ex);
        }
    }
}
