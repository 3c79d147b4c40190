namespace CdnPulse.Hosting;

public sealed class ResourceStartException(string resource, string problem, IReadOnlyList<string>? lastLines = null)
    : Exception(Compose(resource, problem, lastLines))
{
    public string Resource { get; } = resource;

    private static string Compose(string resource, string problem, IReadOnlyList<string>? lastLines) =>
        lastLines is { Count: > 0 }
            ? $"{resource} {problem}. Its last output:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", lastLines)}"
            : $"{resource} {problem}.";
}
