using System.Diagnostics;
using System.Text;
using CdnPulse.Contracts;
using CdnPulse.LoadGen.Sinks;
using CdnPulse.LoadGen.Totals;
using CdnPulse.LoadGen.Traffic;

namespace CdnPulse.LoadGen.Running;

/// <summary>
/// Generates the planned lines in batches, paces them to the target rate (a batch leaves once the time of its last
/// line has come), keeps up to the sink's concurrency of deliveries in flight, and counts a batch in the totals only
/// when the sink acknowledged it. Stopping (<c>stop</c>) ends generation but lets deliveries in flight finish;
/// <c>abort</c> cuts them off too.
/// </summary>
public sealed class LoadRunner
{
    private readonly TrafficGenerator _generator;
    private readonly ILineSink _sink;
    private readonly RunPlan _plan;
    private readonly TrafficTotals _totals = new();
    private readonly Lock _totalsLock = new();
    private string? _failure;
    private long _unconfirmed;

    public LoadRunner(TrafficGenerator generator, ILineSink sink, RunPlan plan)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfNegative(plan.Lines);
        ArgumentOutOfRangeException.ThrowIfLessThan(plan.LinesPerRecord, 1);
        _generator = generator;
        _sink = sink;
        _plan = plan;
    }

    public RunCounters Counters { get; } = new();

    /// <summary>Lines per batch: about <see cref="RunPlan.BatchSpan"/> of the schedule when paced, else as many as the sink takes.</summary>
    public int LinesPerBatch
    {
        get
        {
            var records = _plan.Paced
                ? Math.Ceiling(_plan.LinesPerSecond * RunPlan.BatchSpan.TotalSeconds / _plan.LinesPerRecord)
                : _sink.MaxRecordsPerBatch;
            return (int)Math.Clamp(records, 1, _sink.MaxRecordsPerBatch) * _plan.LinesPerRecord;
        }
    }

    public async Task<RunResult> RunAsync(CancellationToken stop, CancellationToken abort = default)
    {
        var clock = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(_sink.MaxConcurrency);
        var inFlight = new List<Task>();
        long produced = 0;
        try
        {
            for (long number = 0; produced < _plan.Lines && Volatile.Read(ref _failure) is null; number++)
            {
                stop.ThrowIfCancellationRequested();
                var batch = NextBatch(number, produced, (int)Math.Min(LinesPerBatch, _plan.Lines - produced));
                produced += batch.Lines;
                Counters.AddGenerated(batch.Lines);
                if (_plan.Paced)
                {
                    var wait = TimeSpan.FromSeconds(produced / _plan.LinesPerSecond) - clock.Elapsed;
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, stop);
                    }
                }

                await gate.WaitAsync(stop);
                if (Volatile.Read(ref _failure) is not null)
                {
                    gate.Release();
                    break;
                }

                inFlight.RemoveAll(task => task.IsCompleted);
                inFlight.Add(DeliverAsync(batch, gate, abort));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped by the user: what is in flight still finishes below.
        }

        await Task.WhenAll(inFlight);
        var complete = Counters.Acknowledged == _plan.Lines;
        var error = Volatile.Read(ref _failure) ?? (complete ? null : "stopped before every line was sent");
        return new RunResult(_totals, complete, error, clock.Elapsed, Interlocked.Read(ref _unconfirmed));
    }

    private LineBatch NextBatch(long number, long firstLine, int lines)
    {
        var requests = new CdnRequest[lines];
        var records = new List<byte[]>((lines + _plan.LinesPerRecord - 1) / _plan.LinesPerRecord);
        var record = new StringBuilder();
        for (var i = 0; i < lines; i++)
        {
            var generated = _generator.Next();
            requests[i] = generated.Request;
            record.Append(generated.Line).Append('\n');
            if ((i + 1) % _plan.LinesPerRecord == 0 || i == lines - 1)
            {
                records.Add(Encoding.UTF8.GetBytes(record.ToString()));
                record.Clear();
            }
        }

        return new LineBatch(number, firstLine, requests, records);
    }

    private async Task DeliverAsync(LineBatch batch, SemaphoreSlim gate, CancellationToken abort)
    {
        try
        {
            await _sink.DeliverAsync(batch, Counters, abort);
            lock (_totalsLock)
            {
                foreach (var request in batch.Requests)
                {
                    _totals.Add(request);
                }
            }

            Counters.AddAcknowledged(batch);
        }
        catch (Exception ex)
        {
            Interlocked.Add(ref _unconfirmed, batch.Lines);
            var reason = ex switch
            {
                OperationCanceledException => "delivery cut off by the user",
                DeliveryException => ex.Message,
                _ => $"{_sink.Name} delivery failed: {ex.Message}",
            };
            Interlocked.CompareExchange(ref _failure, reason, null);
        }
        finally
        {
            gate.Release();
        }
    }
}
