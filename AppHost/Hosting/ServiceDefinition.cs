namespace CdnPulse.Hosting;

/// <summary>A .NET project the system runs: its resource name, project, and the environment it needs.</summary>
/// <param name="Name">Resource name (kebab-case), also OTEL_SERVICE_NAME.</param>
/// <param name="ProjectPath">The .csproj, relative to the repository root.</param>
/// <param name="WaitsFor">Resources that must be ready (or, for a one-shot step, completed) before it starts.</param>
/// <param name="Arguments">Command-line arguments (a one-shot step such as migrations).</param>
/// <param name="Environment">Its environment, resolved through <see cref="IValueResolver"/>.</param>
/// <param name="HasHttpEndpoint">Whether it serves HTTP (and so /health), or runs to completion.</param>
public sealed record ServiceDefinition(
    string Name,
    string ProjectPath,
    IReadOnlyList<string> WaitsFor,
    IReadOnlyList<string> Arguments,
    Func<IValueResolver, IReadOnlyDictionary<string, string>> Environment,
    bool HasHttpEndpoint = true)
{
    public string AssemblyName => Path.GetFileNameWithoutExtension(ProjectPath) switch
    {
        "CdnPulse.Admin" => "cdnpulse-admin",
        var name => name,
    };
}
