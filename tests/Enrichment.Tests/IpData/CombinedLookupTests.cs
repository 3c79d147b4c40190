using System.Net;
using CdnPulse.Enrichment.IpData;

namespace CdnPulse.Enrichment.Tests.IpData;

/// <summary>
/// The combined country + ISP table must answer exactly as the two range tables searched on their own: checked at
/// every range boundary of the installed data (and one address either side) and at random addresses.
/// </summary>
/// <summary>The installed data loaded twice over: as the two range tables, and as the database built from them.</summary>
public sealed class SeparateTables : IAsyncLifetime
{
    internal IpRangeSet Country { get; private set; } = IpRangeSet.None;

    internal IpRangeSet Isp { get; private set; } = IpRangeSet.None;

    public IpLocationDatabase Database { get; private set; } = IpLocationDatabase.Empty;

    public async Task InitializeAsync()
    {
        var files = IpDataFiles.Find(RealIpData.Folder);
        var country = Task.Run(() => IpLocationLoader.LoadCountry(files, CancellationToken.None));
        var isp = Task.Run(() => IpLocationLoader.LoadIsp(files, CancellationToken.None));
        (Country, Isp) = (await country, await isp);
        Database = new IpLocationDatabase(Country, Isp, "test");
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class CombinedLookupTests(SeparateTables tables) : IClassFixture<SeparateTables>
{
    private readonly IpRangeSet _country = tables.Country;
    private readonly IpRangeSet _isp = tables.Isp;
    private readonly IpLocationDatabase _database = tables.Database;

    [Fact]
    public void Answers_as_the_separate_tables_at_every_IPv4_boundary_and_its_neighbours()
    {
        var wrong = new List<string>();
        foreach (var boundary in Boundaries(_country.IPv4).Concat(Boundaries(_isp.IPv4)))
        {
            foreach (var address in new[] { boundary - 1, boundary, boundary + 1 })
            {
                if (_database.Locate(address) != Expected(IpAddressParser.MapIPv4(address)))
                    wrong.Add($"{new IPAddress(BitConverter.GetBytes(address).Reverse().ToArray())}: expected {Expected(IpAddressParser.MapIPv4(address))}, got {_database.Locate(address)}");
            }
        }
        Assert.Empty(wrong.Take(10));
    }

    [Fact]
    public void Answers_as_the_separate_tables_at_every_IPv6_boundary_and_its_neighbours()
    {
        var wrong = new List<string>();
        foreach (var boundary in Boundaries(_country.IPv6).Concat(Boundaries(_isp.IPv6)))
        {
            Check(boundary - 1, wrong);
            Check(boundary, wrong);
            Check(boundary + 1, wrong);
        }
        Assert.Empty(wrong.Take(10));
    }

    [Fact]
    public void Answers_as_the_separate_tables_at_random_addresses()
    {
        var random = new Random(20260115);
        var wrong = new List<string>();
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < 300_000; i++)
        {
            random.NextBytes(bytes);
            var address = i % 3 == 0 ? IpAddressParser.MapIPv4((uint)random.NextInt64(0, 1L << 32)) : new UInt128(BitConverter.ToUInt64(bytes), BitConverter.ToUInt64(bytes[8..]));
            // Most random IPv6 addresses fall outside 2000::/3; keep a third of them inside, where the data is.
            if (i % 3 == 1)
                address = (address >> 3) | ((UInt128)1 << 125);
            Check(address, wrong);
        }
        Assert.Empty(wrong.Take(10));
    }

    [Fact]
    public void Locates_many_addresses_at_once_as_one_at_a_time()
    {
        // Every kind of input, shuffled, in a count that is not a multiple of the search group.
        var random = new Random(11);
        var bytes = new byte[16];
        var ips = new List<string?>();
        for (var i = 0; i < 3_001; i++)
        {
            random.NextBytes(bytes);
            bytes[0] = (byte)(0x20 + random.Next(16)); // 2000::/4, where the IPv6 ranges are
            ips.Add((i % 5) switch
            {
                0 => new IPAddress(bytes).ToString(),
                1 => $"::ffff:{bytes[4]}.{bytes[5]}.{bytes[6]}.{bytes[7]}",
                2 => i % 10 == 2 ? null : "not an address",
                _ => $"{bytes[4]}.{bytes[5]}.{bytes[6]}.{bytes[7]}",
            });
        }
        var locations = new IpLocation[ips.Count];

        _database.Locate(ips.ToArray(), locations);

        var wrong = ips.Select((ip, i) => (ip, i)).Where(x => locations[x.i] != _database.Locate(x.ip)).Select(x => x.ip).ToList();
        Assert.Empty(wrong.Take(10));
        Assert.Contains(locations, l => l.Isp != IpLocationDatabase.NotFound);
        Assert.Contains(locations, l => l.Isp == IpLocationDatabase.NotFound);
    }

    [Fact]
    public void Lookup_covers_the_ends_of_both_address_spaces()
    {
        Assert.Equal(Expected(IpAddressParser.MapIPv4(0)), _database.Locate(0u));
        Assert.Equal(Expected(IpAddressParser.MapIPv4(uint.MaxValue)), _database.Locate(uint.MaxValue));
        Assert.Equal(Expected(UInt128.Zero), _database.Locate(UInt128.Zero));
        Assert.Equal(Expected(UInt128.MaxValue), _database.Locate(UInt128.MaxValue));
        Assert.Equal(new IpLocation("US", "Google LLC"), _database.Locate(IpAddressParser.MapIPv4(0x08080808)));
        Assert.Equal(("US", "Google LLC"), (_database.Country(0x08080808u), _database.Isp(0x08080808u)));
        Assert.Equal(("CA", "Google LLC"), (_database.Country(IPAddress.Parse("2001:4860:4860::8888")), _database.Isp("2001:4860:4860::8888")));
        Assert.Equal(new IpLocation(IpLocationDatabase.NotFound, IpLocationDatabase.NotFound), _database.Locate(IPAddress.Parse("10.0.0.1").ToString()));
    }

    private void Check(UInt128 address, List<string> wrong)
    {
        var expected = Expected(address);
        if (_database.Locate(address) != expected)
            wrong.Add($"{address:X32}: expected {expected}, got {_database.Locate(address)}");
    }

    private IpLocation Expected(UInt128 address) =>
        new(_country.Find(address) ?? IpLocationDatabase.NotFound, _isp.Find(address) ?? IpLocationDatabase.NotFound);

    private static IEnumerable<T> Boundaries<T>(IpRangeTable<T> table) where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        var list = new List<T>(table.Count * 2);
        for (var i = 0; i < table.Count; i++)
        {
            list.Add(table.Starts[i]);
            list.Add(table.Ends[i]);
        }
        return list;
    }
}
