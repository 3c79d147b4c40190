namespace CdnPulse.Alerting.Alarms;

/// <summary>One dimension of the alarm's metric: Domain (required) or Country.</summary>
public sealed record AlarmDimension(string Name, string Value)
{
    public const string Domain = "Domain";
    public const string Country = "Country";
}
