namespace CdnPulse.Hosting;

/// <summary>Where things are in a CdnPulse checkout: found by walking up to the folder holding CdnPulse.slnx.</summary>
public static class RepositoryPaths
{
    public const string SolutionFile = "CdnPulse.slnx";

    public static string Root { get; } = FindRoot(AppContext.BaseDirectory) ?? FindRoot(Environment.CurrentDirectory)
        ?? throw new InvalidOperationException($"Could not find {SolutionFile} above {AppContext.BaseDirectory}: run CdnPulse from its checkout.");

    /// <summary>A fresh folder for one run's server state (under .cdnpulse/ in the checkout, ignored by git).</summary>
    public static string NewStateDirectory(string purpose)
    {
        var folder = Path.Combine(Root, ".cdnpulse", "state", $"{purpose}-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
