namespace CdnPulse.Enrichment.Tests.IpData;

/// <summary>A throwaway folder of hand-written data files, deleted after the test.</summary>
internal sealed class TempIpDataFolder : IDisposable
{
    public TempIpDataFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cdnpulse-ipdata-" + Guid.NewGuid().ToString("N"));

    public string Write(string relativePath, string content)
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>The four ip-location-db files in the npm layout (asn/, dbip-country/).</summary>
    public static TempIpDataFolder WithIpLocationDb()
    {
        var folder = new TempIpDataFolder();
        folder.Write("dbip-country/dbip-country-ipv4.csv", Fixtures.CountryIPv4);
        folder.Write("dbip-country/dbip-country-ipv6.csv", Fixtures.CountryIPv6);
        folder.Write("asn/asn-ipv4.csv", Fixtures.AsnIPv4);
        folder.Write("asn/asn-ipv6.csv", Fixtures.AsnIPv6);
        return folder;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A watcher or a reader may still hold the folder for a moment; the OS cleans temp up later.
        }
    }
}
