using System.Text;
using CdnPulse.CdnLogs;
using CdnPulse.Hosting;
using CdnPulse.Kinesis;
using CdnPulse.Kinesis.Model;

namespace CdnPulse.Alerting.Tests.EndToEnd;

/// <summary>
/// Steady, realistic CloudFront log lines for one domain into the Kinesis stream (several hundred a second), with a
/// share of 5xx answers that the test turns up for a burst and down again. Lines are stamped <see cref="Lag"/> before
/// the time they are sent: a lag of one minute puts them in the last complete minute, the one alarms evaluate.
/// </summary>
internal sealed class TrafficGenerator : IAsyncDisposable
{
    private readonly KinesisClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly object _gate = new();
    private double _errorShare;
    private DateTimeOffset? _firstErrorSentAt;

    private TrafficGenerator(KinesisClient client, IReadOnlyList<string> domains, TimeSpan lag, int linesPerTick)
    {
        _client = client;
        Domains = domains;
        Lag = lag;
        _loop = RunAsync(linesPerTick, _stop.Token);
    }

    public IReadOnlyList<string> Domains { get; }

    public TimeSpan Lag { get; }

    public long LinesSent { get; private set; }

    /// <summary>When the first line with a 5xx of the current burst was put into the stream (null before a burst).</summary>
    public DateTimeOffset? FirstErrorSentAt
    {
        get { lock (_gate) { return _firstErrorSentAt; } }
    }

    public static TrafficGenerator Start(KinesisClient client, IReadOnlyList<string> domains, TimeSpan lag, int linesPerTick = 100) =>
        new(client, domains, lag, linesPerTick);

    /// <summary>Share of lines of <see cref="Domains"/>[0] answered with a 5xx from the next batch on.</summary>
    public void SetErrorShare(double share)
    {
        lock (_gate)
        {
            _errorShare = share;
            _firstErrorSentAt = null;
        }
    }

    private async Task RunAsync(int linesPerTick, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var writer = new LogLineWriter(RealtimeLogFormat.Default);
        var random = new Random(42);
        while (!cancellationToken.IsCancellationRequested)
        {
            double share;
            lock (_gate)
            {
                share = _errorShare;
            }
            var lines = new StringBuilder();
            var errors = 0;
            var sentAt = DateTimeOffset.UtcNow;
            for (var i = 0; i < linesPerTick; i++)
            {
                var domain = Domains[i % Domains.Count];
                var sample = SampleTraffic.NextRequest(random, sentAt - Lag);
                var error = domain == Domains[0] && random.NextDouble() < share;
                errors += error ? 1 : 0;
                var request = sample with
                {
                    Host = domain,
                    Status = error ? 503 : sample.Status >= 500 ? 200 : sample.Status,
                    EdgeResponseResultType = error ? "Error" : sample.EdgeResponseResultType is "Error" or "LimitExceeded" ? "Miss" : sample.EdgeResponseResultType,
                };
                writer.AppendTo(lines, request);
                lines.Append('\n');
            }
            try
            {
                await _client.PutRecordsAsync(SystemModel.StreamName, [new PutRecordsEntry(random.Next().ToString(), Encoding.UTF8.GetBytes(lines.ToString()))], cancellationToken);
                LinesSent += linesPerTick;
                if (errors > 0)
                {
                    lock (_gate)
                    {
                        _firstErrorSentAt ??= sentAt;
                    }
                }
                await Task.Delay(250, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is KinesisException or HttpRequestException)
            {
                await Task.Delay(250, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        _client.Dispose();
        _stop.Dispose();
    }
}
