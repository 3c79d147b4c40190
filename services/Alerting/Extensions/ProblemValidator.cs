using Microsoft.Extensions.Options;

namespace CdnPulse.Alerting.Extensions;

/// <summary>Fails the host at start with the exact setting that is wrong (the options' own check).</summary>
internal sealed class ProblemValidator<TOptions>(Func<TOptions, string?> problem) : IValidateOptions<TOptions> where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options) =>
        problem(options) is { } text ? ValidateOptionsResult.Fail(text) : ValidateOptionsResult.Success;
}
