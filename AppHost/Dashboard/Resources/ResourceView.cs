namespace CdnPulse.Dashboard.Resources;

/// <summary>A resource as the dashboard lists it: what it is, whether it runs and is healthy, where it listens, its PID.</summary>
public sealed record ResourceView(
    string Name,
    string Type,
    string State,
    string Health,
    IReadOnlyList<string> Endpoints,
    int? Pid,
    int? ExitCode);
