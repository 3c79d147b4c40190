using CdnPulse.Contracts;

namespace CdnPulse.LoadGen.Running;

/// <summary>
/// Consecutive generated lines grouped into records (each line ends with <c>\n</c>, as CloudFront writes them), with
/// the enriched requests behind them, which count in the run's totals once a sink acknowledges the batch.
/// </summary>
public sealed record LineBatch(long Number, long FirstLine, IReadOnlyList<CdnRequest> Requests, IReadOnlyList<byte[]> Records)
{
    public int Lines => Requests.Count;

    public long PayloadBytes => Records.Sum(r => (long)r.Length);
}
