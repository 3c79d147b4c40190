namespace CdnPulse.Metrics;

/// <summary>
/// A request count with the sum of their time-taken in whole microseconds: integer sums merge exactly and in any
/// order, so latencies are sum/count (never a mean of means) and a rebuilt projection is identical to the live one.
/// </summary>
public sealed class CountAndTime
{
    public long Count { get; set; }

    public long TimeTakenUsSum { get; set; }

    public void Add(long timeTakenUs)
    {
        Count++;
        TimeTakenUsSum += timeTakenUs;
    }

    public void Merge(CountAndTime other)
    {
        Count += other.Count;
        TimeTakenUsSum += other.TimeTakenUsSum;
    }

    /// <summary>Time-taken in whole microseconds (CloudFront logs carry milliseconds).</summary>
    public static long Microseconds(double milliseconds) => (long)Math.Round(milliseconds * 1000.0, MidpointRounding.AwayFromZero);
}
