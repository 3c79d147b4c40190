namespace CdnPulse.Enrichment.Tests.IpData;

internal static class Repository
{
    /// <summary>The checkout this test runs from: the first folder above the test binaries holding CdnPulse.slnx.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CdnPulse.slnx")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"No CdnPulse.slnx above {AppContext.BaseDirectory}.");
    }
}
