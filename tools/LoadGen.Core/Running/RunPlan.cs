namespace CdnPulse.LoadGen.Running;

/// <summary>How many lines to send, how fast, and how many lines go into one record.</summary>
/// <param name="Lines">Lines to send in total.</param>
/// <param name="LinesPerSecond">Target rate; also the spacing of the timestamps.</param>
/// <param name="LinesPerRecord">Lines per Kinesis or Firehose record (CloudFront writes one).</param>
/// <param name="Paced">False sends as fast as the sink takes them (timestamps keep the target spacing).</param>
public sealed record RunPlan(long Lines, double LinesPerSecond, int LinesPerRecord = 1, bool Paced = true)
{
    /// <summary>A batch holds about this much of the schedule, so a paced run sends several times a second.</summary>
    public static readonly TimeSpan BatchSpan = TimeSpan.FromMilliseconds(200);
}
