namespace CdnPulse.ServiceDefaults.Tests.Messages;

/// <summary>A test message; <see cref="Fail"/> makes its consumer throw every time.</summary>
public sealed record Probe(Guid Id, bool Fail);
