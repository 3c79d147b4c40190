using System.Reflection;

namespace CdnPulse.Hosting;

/// <summary>Where a project's build output is: the same configuration (Debug/Release) as the code that runs us.</summary>
public static class BuildConfiguration
{
    public static string Name { get; } =
        typeof(BuildConfiguration).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string AssemblyPath(ServiceDefinition service)
    {
        var projectFolder = Path.GetDirectoryName(Path.Combine(RepositoryPaths.Root, service.ProjectPath))!;
        var path = Path.Combine(projectFolder, "bin", Name, "net10.0", service.AssemblyName + ".dll");
        return File.Exists(path)
            ? path
            : throw new ResourceStartException(service.Name, $"is not built ({path} is missing): run 'dotnet build -c {Name}' in {RepositoryPaths.Root}");
    }
}
