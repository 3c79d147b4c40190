namespace CdnPulse.MetricsQuery.Extensions;

/// <summary>
/// Which browser origins may call the APIs (section "Cors", e.g. <c>Cors__AllowedOrigins__0=https://ops.example.com</c>;
/// <c>*</c> allows any, as the reference did). None by default: the dashboard is served from the same origin.
/// </summary>
public sealed class CrossOriginOptions
{
    public const string SectionName = "Cors";

    public List<string> AllowedOrigins { get; set; } = [];

    public bool IsValid => AllowedOrigins.All(o => o == "*" || (Uri.TryCreate(o, UriKind.Absolute, out var uri) && uri.AbsolutePath == "/"));
}
