namespace CdnPulse.ServiceDefaults;

/// <summary>
/// Bus settings (section "Messaging"): the transport and the failure policy's retry intervals. The configured list
/// starts empty because the configuration binder appends to a pre-filled collection instead of replacing it.
/// </summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary><c>rabbitmq</c> (default) or <c>inmemory</c> (unit tests only).</summary>
    public string Transport { get; set; } = "rabbitmq";

    public static readonly TimeSpan[] DefaultRetryIntervals =
    [
        TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1),
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30),
    ];

    /// <summary>Waits before each retry; empty means <see cref="DefaultRetryIntervals"/>.</summary>
    public TimeSpan[] RetryIntervals { get; set; } = [];

    /// <summary>Quick retries for transient faults, then slower ones that ride out a short outage.</summary>
    public TimeSpan[] EffectiveRetryIntervals => RetryIntervals.Length > 0 ? RetryIntervals : DefaultRetryIntervals;
}
