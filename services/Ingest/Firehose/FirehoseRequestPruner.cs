namespace CdnPulse.Ingest.Firehose;

/// <summary>Deletes remembered Firehose request ids past their retention, every few minutes.</summary>
internal sealed class FirehoseRequestPruner(FirehoseRequestLedger ledger, ILogger<FirehoseRequestPruner> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    FirehoseLog.Pruned(logger, await ledger.PruneAsync(stoppingToken));
                }
                catch (Npgsql.NpgsqlException ex)
                {
                    FirehoseLog.PruneFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
