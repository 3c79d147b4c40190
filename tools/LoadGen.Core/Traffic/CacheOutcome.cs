namespace CdnPulse.LoadGen.Traffic;

/// <summary>How the edge answered: x-edge-response-result-type, x-edge-detailed-result-type and sc-status.</summary>
internal readonly record struct CacheOutcome(string ResponseType, string DetailedType, int Status, OutcomeKind Kind);
