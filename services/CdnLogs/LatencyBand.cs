namespace CdnPulse.CdnLogs;

/// <summary>The time-taken bands of the latencyRatio metric (reference §3.3); each lower bound is inclusive.</summary>
public enum LatencyBand
{
    /// <summary>Below 0.3 s.</summary>
    Under300,

    /// <summary>0.3 s up to, not including, 0.6 s.</summary>
    From300To600,

    /// <summary>0.6 s up to, not including, 1.0 s.</summary>
    From600To1000,

    /// <summary>1.0 s and above.</summary>
    AtLeast1000,
}
