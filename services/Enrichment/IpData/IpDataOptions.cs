namespace CdnPulse.Enrichment.IpData;

/// <summary>Where the IP → country/ISP CSV files live and how often to look for new ones (section "IpData").</summary>
public sealed class IpDataOptions
{
    public const string SectionName = "IpData";

    /// <summary>Where the npm packages land, relative to the repository root.</summary>
    public const string CheckoutFolder = "tools/node/node_modules/@ip-location-db";

    /// <summary>
    /// Folder with the CSV files: the npm layout (asn/, dbip-country/), the files flat in one folder, or MaxMind
    /// GeoLite2 CSVs. Default: the first <see cref="CheckoutFolder"/> found upward from the application's base directory.
    /// </summary>
    public string? Folder { get; set; }

    /// <summary>How often the files' sizes and write times are compared, besides the file-system watcher.</summary>
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the files must stay unchanged after a change event before they are read.</summary>
    public TimeSpan ReloadDebounce { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Searches <paramref name="startDirectory"/> (default: AppContext.BaseDirectory) and its parents for <see cref="CheckoutFolder"/>.</summary>
    public static string? FindCheckoutFolder(string? startDirectory = null)
    {
        for (var directory = new DirectoryInfo(startDirectory ?? AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, CheckoutFolder);
            if (Directory.Exists(candidate))
                return candidate;
        }
        return null;
    }

    internal string? ResolveFolder() =>
        string.IsNullOrWhiteSpace(Folder) ? FindCheckoutFolder() : Path.GetFullPath(Folder);

    internal static string NoDefaultFolderMessage() =>
        $"IpData:Folder is not set and no '{CheckoutFolder}' folder exists in '{AppContext.BaseDirectory}' or any folder above it. {IpDataFiles.InstallHint}";
}
