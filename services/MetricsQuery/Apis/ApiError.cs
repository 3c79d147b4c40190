namespace CdnPulse.MetricsQuery.Apis;

/// <summary>A 400 body that names the parameter at fault.</summary>
internal sealed record ApiError(string Parameter, string Message);
