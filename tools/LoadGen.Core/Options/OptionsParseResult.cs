namespace CdnPulse.LoadGen.Options;

/// <summary>The options, or every problem found with the command line, or a request for help.</summary>
public sealed record OptionsParseResult(LoadGenOptions? Options, IReadOnlyList<string> Errors, bool HelpRequested)
{
    public bool IsValid => Options is not null && Errors.Count == 0;
}
