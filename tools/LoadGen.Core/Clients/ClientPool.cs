using System.Buffers.Binary;
using System.Globalization;
using System.Net;

namespace CdnPulse.LoadGen.Clients;

/// <summary>
/// Viewer addresses drawn from real address space: the ranges where an @ip-location-db country range and ASN range
/// overlap, for the chosen countries. Every address it hands out therefore has a known country and ISP, the same
/// answers the enrichment's look-up gives. Immutable after loading; share one between generators.
/// </summary>
public sealed class ClientPool
{
    /// <summary>Where the npm packages land, relative to the repository root.</summary>
    public const string CheckoutFolder = "tools/node/node_modules/@ip-location-db";

    /// <summary>Ranges kept per country and family: an even spread over the address space, enough for thousands of ISPs.</summary>
    public const int MaxRangesPerCountry = 2048;

    // A range's share grows with its size up to a /16 (IPv4) or 65536 /48s (IPv6): big ISPs carry more viewers.
    private const int MaxRangeWeight = 65_536;

    private readonly Traffic.WeightedChoice<int> _countries;
    private readonly Traffic.WeightedChoice<ClientRange>?[] _ipv4;
    private readonly Traffic.WeightedChoice<ClientRange>?[] _ipv6;

    private ClientPool(IReadOnlyList<CountryWeight> countries, Traffic.WeightedChoice<ClientRange>?[] ipv4,
        Traffic.WeightedChoice<ClientRange>?[] ipv6, string folder)
    {
        Countries = countries;
        _countries = new(countries.Select((c, i) => (i, c.Weight)));
        _ipv4 = ipv4;
        _ipv6 = ipv6;
        Folder = folder;
    }

    public IReadOnlyList<CountryWeight> Countries { get; }

    /// <summary>The IP data folder the pool was loaded from.</summary>
    public string Folder { get; }

    /// <summary>Every range of a country and family the pool draws from.</summary>
    public IReadOnlyList<ClientRange> Ranges(string country, bool ipv6)
    {
        var index = Countries.Select(c => c.Country).ToList().IndexOf(country);
        return index < 0 ? [] : (ipv6 ? _ipv6 : _ipv4)[index]?.Items ?? [];
    }

    /// <summary>The first <see cref="CheckoutFolder"/> found upward from <paramref name="start"/> (default: the app's base, then the working directory).</summary>
    public static string? FindDataFolder(string? start = null)
    {
        foreach (var origin in start is null ? [AppContext.BaseDirectory, Directory.GetCurrentDirectory()] : new[] { start })
        {
            for (var directory = new DirectoryInfo(origin); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, CheckoutFolder);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Reads the four range files of <paramref name="folder"/> (npm layout or flat) and keeps <paramref name="countries"/>.</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file is malformed, or a country has no IPv4 range in it.</exception>
    public static async Task<ClientPool> LoadAsync(string folder, IReadOnlyList<CountryWeight> countries, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(countries);
        if (countries.Count == 0)
        {
            throw new ArgumentException("At least one country is needed.", nameof(countries));
        }

        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The IP data folder '{folder}' does not exist. {IpDataCsv.InstallHint}");
        }

        var index = countries.Select((c, i) => (c.Country, i)).ToDictionary(p => p.Country, p => p.i, StringComparer.Ordinal);
        var ipv4 = Task.Run(() => Intersect(folder, ipv6: false, index), cancellationToken);
        var ipv6 = Task.Run(() => Intersect(folder, ipv6: true, index), cancellationToken);
        await Task.WhenAll(ipv4, ipv6).ConfigureAwait(false);
        var byCountry4 = await ipv4.ConfigureAwait(false);
        var byCountry6 = await ipv6.ConfigureAwait(false);
        var missing = countries.Where((c, i) => byCountry4[i] is null).Select(c => c.Country).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"No IPv4 range in '{folder}' has both a country and an ISP for: {string.Join(", ", missing)}.");
        }

        return new ClientPool(countries, byCountry4, byCountry6, folder);
    }

    /// <summary>
    /// A viewer: country by weight, then IPv6 with probability <paramref name="ipv6Share"/> (when the country has
    /// IPv6 ranges), then a range by size and an address inside it. Always draws the same number of values.
    /// </summary>
    public ClientAddress Pick(Traffic.SeededRandom random, double ipv6Share)
    {
        ArgumentNullException.ThrowIfNull(random);
        var country = _countries.Pick(random);
        var wantsIPv6 = random.Chance(ipv6Share);
        var choice = (wantsIPv6 ? _ipv6[country] : null) ?? _ipv4[country]!;
        var range = choice.Pick(random);
        var address = range.First + random.Next(range.Size);
        return new ClientAddress(Format(address, range.IsIPv6), range.IsIPv6, range.Country, range.Asn, range.Isp);
    }

    private static Traffic.WeightedChoice<ClientRange>?[] Intersect(string folder, bool ipv6, Dictionary<string, int> countryIndex)
    {
        var family = ipv6 ? "ipv6" : "ipv4";
        var countryRows = IpDataCsv.Read(IpDataCsv.Locate(folder, "dbip-country", $"dbip-country-{family}.csv"), ipv6, asn: false);
        var asnRows = IpDataCsv.Read(IpDataCsv.Locate(folder, "asn", $"asn-{family}.csv"), ipv6, asn: true);
        var overlapping = Overlapping(asnRows);
        var ranges = new List<(ClientRange Range, double Weight)>?[countryIndex.Count];
        int c = 0, a = 0;
        while (c < countryRows.Count && a < asnRows.Count)
        {
            var country = countryRows[c];
            var asn = asnRows[a];
            var first = UInt128.Max(country.First, asn.First);
            var last = UInt128.Min(country.Last, asn.Last);
            // An ASN range that overlaps another is resolved by a rule; skipping it keeps every answer unambiguous.
            if (first <= last && !overlapping[a] && countryIndex.TryGetValue(country.Value, out var index))
            {
                var range = new ClientRange(first, last, ipv6, country.Value, asn.Asn, asn.Value);
                (ranges[index] ??= []).Add((range, Weight(range)));
            }

            if (country.Last < asn.Last)
            {
                c++;
            }
            else
            {
                a++;
            }
        }

        return [.. ranges.Select(list => list is null ? null : new Traffic.WeightedChoice<ClientRange>(Spread(list)))];
    }

    private static IEnumerable<T> Spread<T>(List<T> items)
    {
        var stride = (items.Count + MaxRangesPerCountry - 1) / MaxRangesPerCountry;
        return items.Where((_, i) => i % stride == 0);
    }

    private static bool[] Overlapping(List<IpDataCsv.Row> rows)
    {
        var flags = new bool[rows.Count];
        var furthest = -1;
        for (var i = 0; i < rows.Count; i++)
        {
            if (furthest >= 0 && rows[i].First <= rows[furthest].Last)
            {
                flags[i] = flags[furthest] = true;
            }

            if (furthest < 0 || rows[i].Last > rows[furthest].Last)
            {
                furthest = i;
            }
        }

        return flags;
    }

    private static double Weight(ClientRange range)
    {
        var units = range.IsIPv6 ? range.Size >> 80 : range.Size;
        return units >= MaxRangeWeight ? MaxRangeWeight : Math.Max(1, (double)units);
    }

    private static string Format(UInt128 address, bool ipv6)
    {
        if (!ipv6)
        {
            var value = (uint)address;
            return string.Create(CultureInfo.InvariantCulture, $"{value >> 24}.{(value >> 16) & 0xFF}.{(value >> 8) & 0xFF}.{value & 0xFF}");
        }

        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, address);
        return new IPAddress(bytes).ToString();
    }
}
