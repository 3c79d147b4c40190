using CdnPulse.Hosting;

namespace CdnPulse.Deploy;

/// <summary>
/// The environment the jsii runtime (the Node.js process behind Amazon.CDK.Lib) reads when it starts, set before the
/// first CDK call. Values already set by the caller win.
/// </summary>
public static class JsiiEnvironment
{
    public const string SilenceNodeEndOfLife = "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION";
    public const string PackageCacheRoot = "JSII_RUNTIME_PACKAGE_CACHE_ROOT";

    /// <summary>Silences the Node 20 end-of-life banner and keeps jsii's 143 MB package cache in the checkout's .cdnpulse/.</summary>
    public static void Apply()
    {
        // The value lists the Node major versions to be quiet about; this machine runs Node 20.
        SetIfMissing(SilenceNodeEndOfLife, "20");
        if (FindRepositoryRoot() is { } root)
        {
            SetIfMissing(PackageCacheRoot, Path.Combine(root, ".cdnpulse", "jsii-cache"));
        }
    }

    /// <summary>The folder holding CdnPulse.slnx above this program or the working directory; null outside a checkout.</summary>
    public static string? FindRepositoryRoot() =>
        FindRoot(AppContext.BaseDirectory) ?? FindRoot(Environment.CurrentDirectory);

    private static void SetIfMissing(string name, string value)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, RepositoryPaths.SolutionFile)))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
