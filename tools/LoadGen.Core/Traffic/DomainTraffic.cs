namespace CdnPulse.LoadGen.Traffic;

/// <summary>A domain's objects, their popularity, its distribution and how its cache and origin behave.</summary>
internal sealed class DomainTraffic
{
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public DomainTraffic(DomainSettings settings, int urls, double zipfExponent, SeededRandom random)
    {
        Settings = settings;
        Catalog = UrlCatalog.Create(settings.Profile, urls, random);
        Popularity = new ZipfSampler(urls, zipfExponent);
        DistributionId = "E" + Letters(random, 13);
        DistributionDnsName = $"d{Letters(random, 13).ToLowerInvariant()}.cloudfront.net";
        (BaseMissRate, OriginShield, OriginLatencyMs) = settings.Profile switch
        {
            DomainProfile.Web => (0.06, false, 40.0),
            DomainProfile.Media => (0.04, true, 60.0),
            DomainProfile.Static => (0.02, false, 30.0),
            DomainProfile.Api => (0.3, false, 80.0),
            _ => (0.1, true, 90.0),
        };
    }

    public DomainSettings Settings { get; }

    public UrlCatalog Catalog { get; }

    public ZipfSampler Popularity { get; }

    public string DistributionId { get; }

    public string DistributionDnsName { get; }

    /// <summary>Miss rate of the most popular object; the least popular ones miss half the time.</summary>
    public double BaseMissRate { get; }

    public bool OriginShield { get; }

    public double OriginLatencyMs { get; }

    private static string Letters(SeededRandom random, int count) =>
        string.Create(count, random, static (chars, r) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = IdAlphabet[r.Next(IdAlphabet.Length)];
            }
        });
}
