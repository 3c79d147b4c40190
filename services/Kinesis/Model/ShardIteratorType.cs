namespace CdnPulse.Kinesis.Model;

/// <summary>Where in a shard a new iterator starts (the API's TRIM_HORIZON, LATEST, AT_/AFTER_SEQUENCE_NUMBER, AT_TIMESTAMP).</summary>
public enum ShardIteratorType
{
    TrimHorizon,
    Latest,
    AtSequenceNumber,
    AfterSequenceNumber,
    AtTimestamp,
}
