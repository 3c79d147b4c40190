namespace CdnPulse.LoadGen.Clients;

/// <summary>A viewer country (ISO 3166 alpha-2) and its share of the requests.</summary>
public sealed record CountryWeight(string Country, double Weight)
{
    /// <summary>About the spread of a global CDN's viewers: a long tail after the US.</summary>
    public static IReadOnlyList<CountryWeight> Defaults { get; } =
    [
        new("US", 28), new("IN", 6), new("BR", 5), new("JP", 5), new("DE", 5), new("GB", 5), new("CN", 4),
        new("FR", 4), new("KR", 3), new("CA", 3), new("IT", 2), new("ES", 2), new("AU", 2), new("MX", 2),
        new("ID", 2), new("NL", 2), new("RU", 2), new("TR", 1), new("PL", 1), new("SE", 1), new("ZA", 1),
        new("NG", 1), new("AR", 1), new("VN", 1), new("SG", 1), new("HK", 1),
    ];
}
