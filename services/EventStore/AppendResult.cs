namespace CdnPulse.EventStore;

/// <summary>The stream's version after the append (pass it as the next expected version) and the positions drawn.</summary>
public sealed record AppendResult(long NextExpectedVersion, long FirstPosition, long LastPosition);
