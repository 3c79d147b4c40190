namespace CdnPulse.LoadGen.Traffic;

/// <summary>A domain (cs-host) of the generated traffic, its share of the requests and its kind of site.</summary>
public sealed record DomainSettings(string Name, double Weight, DomainProfile Profile)
{
    /// <summary>Five domains of different kinds, weighted roughly as a mixed CDN account would be.</summary>
    public static IReadOnlyList<DomainSettings> Defaults { get; } =
    [
        new("www.example.com", 40, DomainProfile.Web),
        new("static.example.com", 25, DomainProfile.Static),
        new("media.example.org", 20, DomainProfile.Media),
        new("api.example.net", 10, DomainProfile.Api),
        new("d111111abcdef8.cloudfront.net", 5, DomainProfile.Downloads),
    ];
}
