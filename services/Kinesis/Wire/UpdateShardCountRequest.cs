namespace CdnPulse.Kinesis.Wire;

/// <summary>UNIFORM_SCALING is the only scaling type the API accepts.</summary>
internal sealed record UpdateShardCountRequest(string StreamName, int TargetShardCount, string ScalingType = "UNIFORM_SCALING");
