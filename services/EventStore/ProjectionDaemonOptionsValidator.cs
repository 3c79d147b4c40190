using Microsoft.Extensions.Options;

namespace CdnPulse.EventStore;

/// <summary>Fails the host at start with the exact setting that is wrong.</summary>
internal sealed class ProjectionDaemonOptionsValidator : IValidateOptions<ProjectionDaemonOptions>
{
    public ValidateOptionsResult Validate(string? name, ProjectionDaemonOptions options) =>
        options.Validate() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
