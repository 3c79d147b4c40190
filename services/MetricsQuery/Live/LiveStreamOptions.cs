namespace CdnPulse.MetricsQuery.Live;

/// <summary>The live stream's settings (section "LiveStream").</summary>
public sealed class LiveStreamOptions
{
    public const string SectionName = "LiveStream";

    /// <summary>How often the projection's checkpoint is read while updates wait for it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>An update is sent after this long even if the projection has not caught up (it is then announced early).</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Streams one instance serves at once; more are refused with 503.</summary>
    public int MaxSubscribers { get; set; } = 1000;
}
