namespace CdnPulse.LoadGen.Options;

/// <summary>Where the lines go.</summary>
public enum SinkKind
{
    File,
    Kinesis,
    Firehose,
}
