namespace CdnPulse.Dashboard.Resources;

public static class ResourceHealth
{
    public const string Unknown = "Unknown";
    public const string Healthy = "Healthy";
    public const string Unhealthy = "Unhealthy";
}
