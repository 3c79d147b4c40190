using System.Globalization;

namespace CdnPulse.LoadGen.Traffic;

/// <summary>
/// The objects of one domain, in popularity order (index 0 is rank 1). Kinds are drawn from the domain's content
/// mix, sizes from heavy-tailed distributions per kind, so the same object always has the same size.
/// </summary>
public sealed class UrlCatalog
{
    private static readonly string[] Words =
    [
        "alpha", "summer", "city", "garden", "river", "ocean", "mountain", "travel", "coffee", "kitchen", "winter",
        "sport", "music", "design", "studio", "market", "planet", "forest", "harbor", "desert", "island", "valley",
        "bridge", "castle", "museum", "street", "festival", "recipe", "review", "guide", "launch", "update", "story",
    ];

    private static readonly string[] Sections = ["news", "products", "blog", "help", "about", "shop", "docs", "events"];
    private static readonly string[] ApiResources = ["users", "orders", "products", "search", "cart", "sessions", "prices", "stock"];
    private static readonly string[] Products = ["client", "agent", "toolkit", "sdk", "player", "installer", "dataset"];
    private static readonly string[] Platforms = ["linux-x64.tar.gz", "win-x64.exe", "osx-arm64.dmg", "win-x64.zip", "linux-arm64.tar.gz"];
    private static readonly string[] ImageTypes = ["jpg", "png", "webp", "avif"];
    private static readonly int[] Bitrates = [400, 800, 1600, 3200, 6000];

    private readonly CatalogEntry[] _entries;

    private UrlCatalog(CatalogEntry[] entries) => _entries = entries;

    public IReadOnlyList<CatalogEntry> Entries => _entries;

    /// <summary>The object of popularity rank <paramref name="rank"/> (1-based).</summary>
    public CatalogEntry this[int rank] => _entries[rank - 1];

    public static UrlCatalog Create(DomainProfile profile, int count, SeededRandom random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentNullException.ThrowIfNull(random);
        var mix = ContentMix(profile);
        var entries = new CatalogEntry[count];
        for (var i = 0; i < count; i++)
        {
            var kind = i == 0 && profile == DomainProfile.Web ? ContentClass.Page : mix.Pick(random);
            entries[i] = Entry(kind, i, random);
        }

        return new UrlCatalog(entries);
    }

    private static WeightedChoice<ContentClass> ContentMix(DomainProfile profile) => new(profile switch
    {
        DomainProfile.Web =>
        [
            (ContentClass.Page, 20), (ContentClass.Script, 12), (ContentClass.Stylesheet, 6), (ContentClass.Font, 2),
            (ContentClass.Image, 50), (ContentClass.Api, 10),
        ],
        DomainProfile.Media => [(ContentClass.Manifest, 5), (ContentClass.VideoSegment, 80), (ContentClass.Image, 15)],
        DomainProfile.Static =>
        [
            (ContentClass.Script, 30), (ContentClass.Stylesheet, 15), (ContentClass.Font, 10), (ContentClass.Image, 45),
        ],
        DomainProfile.Api => [(ContentClass.Api, 95), (ContentClass.Page, 5)],
        DomainProfile.Downloads => [(ContentClass.Download, 70), (ContentClass.Page, 20), (ContentClass.Image, 10)],
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown domain profile."),
    });

    // The index goes into every path, so paths are distinct whatever the words drawn.
    private static CatalogEntry Entry(ContentClass kind, int index, SeededRandom random)
    {
        var word = Words[random.Next(Words.Length)];
        var id = index.ToString(CultureInfo.InvariantCulture);
        var hash = random.NextUInt64().ToString("x16", CultureInfo.InvariantCulture)[..8];
        return kind switch
        {
            ContentClass.Page => new(
                index == 0 ? "/" : $"/{Sections[random.Next(Sections.Length)]}/{word}-{id}.html",
                kind, Size(random.LogNormal(35_000, 0.8)), true, "text/html"),
            ContentClass.Script => new($"/static/js/{word}-{id}.{hash}.js", kind, Size(random.LogNormal(60_000, 1.0)), true, "application/javascript"),
            ContentClass.Stylesheet => new($"/static/css/{word}-{id}.{hash}.css", kind, Size(random.LogNormal(20_000, 0.8)), true, "text/css"),
            ContentClass.Font => new($"/fonts/{word}-{id}-{100 * random.Between(3, 8)}.woff2", kind, Size(random.LogNormal(40_000, 0.4)), true, "font/woff2"),
            ContentClass.Image => Image(word, id, random),
            ContentClass.Manifest => new($"/video/{word}-{id}/master.m3u8", kind, Size(random.LogNormal(900, 0.3)), true, "application/vnd.apple.mpegurl"),
            ContentClass.VideoSegment => new(
                $"/video/{word}-{index / 200}/{Bitrates[random.Next(Bitrates.Length)]}k/segment-{id}.ts",
                kind, Size(random.LogNormal(1_500_000, 0.5)), true, "video/mp2t"),
            ContentClass.Download => new(
                $"/downloads/{Products[random.Next(Products.Length)]}-{random.Between(1, 9)}.{random.Next(20)}.{id}-{Platforms[random.Next(Platforms.Length)]}",
                kind, Size(Math.Min(random.Pareto(2_000_000, 1.1), 4e9)), true, "application/octet-stream"),
            ContentClass.Api => new(
                $"/api/v1/{ApiResources[random.Next(ApiResources.Length)]}/{id}", kind, Size(random.LogNormal(2_000, 1.2)),
                random.Chance(0.1), "application/json"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown content class."),
        };
    }

    private static CatalogEntry Image(string word, string id, SeededRandom random)
    {
        var type = ImageTypes[random.Next(ImageTypes.Length)];
        var width = 80 * random.Between(2, 24);
        // CloudFront logs the stem percent-encoded; some names are not ASCII.
        var name = random.Chance(0.05) ? $"caf%C3%A9-{word}" : word;
        return new($"/images/{Sections[random.Next(Sections.Length)]}/{name}-{id}-{width}x{width * 9 / 16}.{type}",
            ContentClass.Image, Size(random.LogNormal(70_000, 1.1)), true, type == "jpg" ? "image/jpeg" : $"image/{type}");
    }

    private static long Size(double bytes) => Math.Max(1, (long)bytes);
}
