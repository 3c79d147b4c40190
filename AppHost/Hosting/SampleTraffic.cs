using System.Text;
using CdnPulse.CdnLogs;
using CdnPulse.Contracts;
using CdnPulse.Kinesis;
using CdnPulse.Kinesis.Model;

namespace CdnPulse.Hosting;

/// <summary>
/// A steady trickle of realistic CloudFront real-time log lines (default 11-field format) into the Kinesis stream,
/// so a new user sees live metrics within seconds: several domains, countries, status codes, cache results, URLs.
/// </summary>
public sealed class SampleTraffic : IAsyncDisposable
{
    public const string ResourceName = "sample-traffic";

    private static readonly string[] Domains = ["d111111abcdef8.cloudfront.net", "www.example.com", "media.example.org"];

    private static readonly (string Ip, string Country)[] Viewers =
    [
        ("8.8.8.8", "US"), ("23.45.67.89", "US"), ("1.0.0.1", "AU"), ("81.2.69.142", "GB"), ("5.9.10.11", "DE"),
        ("2a01:4f8::1", "DE"), ("103.4.96.1", "JP"), ("177.10.20.30", "BR"), ("41.0.0.1", "ZA"), ("36.110.1.1", "CN"),
    ];

    private static readonly string[] Paths =
    [
        "/index.html", "/", "/static/app.js", "/static/app.css", "/images/hero.jpg", "/images/logo.png",
        "/video/intro.mp4", "/api/catalog.json", "/downloads/setup.exe", "/favicon.ico",
    ];

    private static readonly (string Result, string Detailed, int Weight)[] Results =
    [
        ("Hit", "Hit", 70), ("RefreshHit", "RefreshHit", 4), ("Miss", "Miss", 18), ("Miss", "OriginShieldHit", 3),
        ("Error", "OriginConnectError", 2), ("Error", "AbortedOrigin", 1), ("LimitExceeded", "LimitExceeded", 1), ("Redirect", "Redirect", 1),
    ];

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly KinesisClient _client;

    private SampleTraffic(KinesisClient client, string stream, IResourceLog log)
    {
        _client = client;
        _loop = RunAsync(stream, log, _stop.Token);
    }

    public static SampleTraffic Start(KinesisClient client, string stream, IResourceLog log) => new(client, stream, log);

    /// <summary>One realistic request at the given time, from a seeded random source.</summary>
    public static CdnRequest NextRequest(Random random, DateTimeOffset at)
    {
        var (ip, country) = Viewers[random.Next(Viewers.Length)];
        var (result, detailed, _) = PickResult(random);
        var path = Paths[(int)Math.Min(Paths.Length - 1, Math.Floor(Math.Pow(random.NextDouble(), 2.2) * Paths.Length))];
        var status = result switch
        {
            "Error" => random.Next(3) == 0 ? 504 : 502,
            "LimitExceeded" => 503,
            "Redirect" => 301,
            _ => random.Next(40) == 0 ? 404 : 200,
        };
        var bytes = status == 200 ? (long)(400 + Math.Pow(random.NextDouble(), 4) * 2_000_000) : 300 + random.Next(500);
        var timeTakenMs = Math.Round((result is "Hit" or "RefreshHit" ? 2 : 40) + Math.Pow(random.NextDouble(), 6) * 2500);
        return new CdnRequest(at.ToUnixTimeMilliseconds(), ip, status, bytes, Domains[random.Next(Domains.Length)], path,
            timeTakenMs, result, detailed, country, null, null);
    }

    private static (string, string, int) PickResult(Random random)
    {
        var roll = random.Next(Results.Sum(r => r.Weight));
        foreach (var entry in Results)
        {
            if ((roll -= entry.Weight) < 0)
            {
                return entry;
            }
        }
        return Results[0];
    }

    private async Task RunAsync(string stream, IResourceLog log, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var writer = new LogLineWriter(RealtimeLogFormat.Default);
        var random = new Random();
        long sent = 0;
        var lastReport = DateTime.UtcNow;
        log.Line(ResourceName, $"sending about 200 log lines/s into Kinesis stream {stream} (turn off with --no-traffic)", false);
        while (!cancellationToken.IsCancellationRequested)
        {
            var entries = new List<PutRecordsEntry>(50);
            for (var i = 0; i < 50; i++)
            {
                var line = writer.Write(NextRequest(random, DateTimeOffset.UtcNow)) + "\n";
                entries.Add(new PutRecordsEntry(random.Next().ToString(), Encoding.UTF8.GetBytes(line)));
            }
            try
            {
                var result = await _client.PutRecordsAsync(stream, entries, cancellationToken);
                sent += entries.Count - result.FailedRecordCount;
                if (DateTime.UtcNow - lastReport > TimeSpan.FromSeconds(30))
                {
                    log.Line(ResourceName, $"{sent} lines sent so far", false);
                    lastReport = DateTime.UtcNow;
                }
                await Task.Delay(250, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is KinesisException or HttpRequestException)
            {
                log.Line(ResourceName, $"put failed ({ex.Message}); retrying in 1 s", true);
                await Task.Delay(1000, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
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
