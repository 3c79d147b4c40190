using CdnPulse.Alerting.Projections;
using CdnPulse.Metrics;
using Microsoft.Extensions.Options;

namespace CdnPulse.Alerting.Evaluation;

/// <summary>
/// The evaluation loop: runs a pass for whatever the queue holds (window updates, new or changed alarms) and for
/// every alarm on a timer at minute boundaries, so that periods without data are noticed too. Before evaluating a
/// window update it waits until the minute tables include it (their projection's checkpoint passes its position).
/// </summary>
internal sealed class AlarmEvaluationService(
    EvaluationQueue queue,
    AlarmEvaluationRunner runner,
    ProjectionCheckpoints checkpoints,
    IOptions<AlertingOptions> options,
    TimeProvider time,
    ILogger<AlarmEvaluationService> logger) : BackgroundService
{
    private static readonly TimeSpan FailureBackoff = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var nextTick = NextTick(time.GetUtcNow(), settings);
        queue.Everything();
        Task<bool>? pendingRead = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var untilTick = nextTick - time.GetUtcNow();
                if (untilTick > TimeSpan.Zero)
                {
                    pendingRead ??= queue.Reader.WaitToReadAsync(stoppingToken).AsTask();
                    using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    var timer = Task.Delay(untilTick, time, tick.Token);
                    if (await Task.WhenAny(pendingRead, timer) == pendingRead)
                    {
                        pendingRead = null;
                    }
                    await tick.CancelAsync();
                }
                var requests = Drain();
                if (time.GetUtcNow() >= nextTick)
                {
                    requests.Add(new EvaluationRequest(null, null, 0));
                    nextTick = NextTick(time.GetUtcNow(), settings);
                }
                if (requests.Count > 0)
                {
                    await PassAsync(requests, settings, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                AlertingLog.PassFailed(logger, ex, FailureBackoff);
                queue.Everything();
                await Task.Delay(FailureBackoff, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private List<EvaluationRequest> Drain()
    {
        var requests = new List<EvaluationRequest>();
        while (queue.Reader.TryRead(out var request))
        {
            requests.Add(request);
        }
        return requests;
    }

    private async Task PassAsync(List<EvaluationRequest> requests, AlertingOptions settings, CancellationToken cancellationToken)
    {
        var position = requests.Max(r => r.Position);
        if (position > 0 && !await checkpoints.WaitAsync(MinuteStatsProjection.ProjectionName, position, settings.ProjectionWait, cancellationToken))
        {
            AlertingLog.MinutesBehind(logger, position, settings.ProjectionWait);
        }
        if (requests.Any(r => r.Everything))
        {
            await runner.EvaluateAsync(null, null, cancellationToken);
            return;
        }
        var domains = requests.Where(r => r.Domain is not null).Select(r => r.Domain!).ToHashSet(StringComparer.Ordinal);
        var names = requests.Where(r => r.AlarmName is not null).Select(r => r.AlarmName!).ToHashSet(StringComparer.Ordinal);
        await runner.EvaluateAsync(domains, names, cancellationToken);
    }

    /// <summary>The next minute boundary on the timer's interval, plus the delay, strictly after <paramref name="now"/>.</summary>
    internal static DateTimeOffset NextTick(DateTimeOffset now, AlertingOptions settings)
    {
        var interval = settings.TimerInterval.Ticks;
        var shifted = (now - settings.TimerDelay).UtcTicks;
        return new DateTimeOffset(shifted - (shifted % interval) + interval, TimeSpan.Zero) + settings.TimerDelay;
    }
}
