namespace CdnPulse.Alerting.Apis;

/// <summary>A request field is missing or wrong; <see cref="Field"/> names it for the 400 answer.</summary>
internal sealed class FieldException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
