namespace CdnPulse.LoadGen.Sinks;

/// <summary>A batch could not be delivered: a refusal that retrying cannot fix, or too many failed attempts.</summary>
public sealed class DeliveryException : Exception
{
    public DeliveryException(string message)
        : base(message)
    {
    }

    public DeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
