namespace CdnPulse.Alerting.Notifications;

/// <summary>How webhook deliveries are sent and retried (section "Alerting:Webhooks").</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Alerting:Webhooks";

    /// <summary>Attempts per delivery, the first included; after the last failure the delivery is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Wait after the first failure; it doubles with every further failure up to <see cref="MaxBackoff"/>, then jitter takes up to half off.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest wait for a receiver's answer, per attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries in flight at once per instance; a slow receiver holds one slot, not the others.</summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>How often the outbox is looked at without a wake-up (other instances' changes, retries that fall due).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed delivery stays claimed: if the instance dies mid-attempt, another takes it over after this.</summary>
    public TimeSpan Lease => Timeout + TimeSpan.FromSeconds(30);

    internal string? Validate() =>
        MaxAttempts is < 1 or > 100 ? $"{SectionName}:MaxAttempts must be between 1 and 100 (is {MaxAttempts})."
        : InitialBackoff <= TimeSpan.Zero || MaxBackoff < InitialBackoff
            ? $"{SectionName}:InitialBackoff must be positive and at most MaxBackoff (are {InitialBackoff} and {MaxBackoff})."
        : Timeout <= TimeSpan.Zero ? $"{SectionName}:Timeout must be positive (is {Timeout})."
        : MaxConcurrency is < 1 or > 1000 ? $"{SectionName}:MaxConcurrency must be between 1 and 1000 (is {MaxConcurrency})."
        : PollInterval <= TimeSpan.Zero ? $"{SectionName}:PollInterval must be positive (is {PollInterval})."
        : null;
}
