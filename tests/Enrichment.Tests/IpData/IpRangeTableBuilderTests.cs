using CdnPulse.Enrichment.IpData;

namespace CdnPulse.Enrichment.Tests.IpData;

public class IpRangeTableBuilderTests
{
    private const string Miss = "(miss)";
    private static readonly string[] Values = ["A", "B", "C"];

    [Fact]
    public void Nested_range_wins_inside_and_the_outer_range_resumes_after_it()
    {
        var table = Build(out var overlaps, (0, 100, 0), (10, 20, 1));

        Assert.Equal(["A", "B", "B", "A", "A", Miss], Find(table, 9, 10, 20, 21, 100, 101));
        Assert.Equal(1, overlaps);
        Assert.Equal(3, table.Count);
    }

    [Fact]
    public void Later_starting_range_wins_a_partial_overlap()
    {
        var table = Build(out var overlaps, (0, 50, 0), (40, 80, 1), (60, 70, 2));

        Assert.Equal(["A", "B", "B", "C", "C", "B", "B", Miss], Find(table, 39, 40, 59, 60, 70, 71, 80, 81));
        Assert.Equal(2, overlaps);
    }

    [Fact]
    public void Unsorted_input_gives_the_same_table_as_sorted_input()
    {
        var sorted = Build(out _, (0, 9, 0), (20, 29, 1), (40, 49, 2));
        var shuffled = Build(out _, (40, 49, 2), (0, 9, 0), (20, 29, 1));

        uint[] probes = [0, 9, 10, 19, 20, 29, 30, 40, 49, 50];
        Assert.Equal(Find(sorted, probes), Find(shuffled, probes));
        Assert.Equal(["A", "A", Miss, Miss, "B", "B", Miss, "C", "C", Miss], Find(shuffled, probes));
    }

    [Fact]
    public void Merges_adjacent_ranges_with_the_same_value()
    {
        var table = Build(out _, (0, 9, 0), (10, 19, 0), (20, 29, 1), (31, 40, 1));

        Assert.Equal(3, table.Count);
        Assert.Equal(["A", "A", "B", Miss, "B"], Find(table, 0, 19, 29, 30, 31));
    }

    [Fact]
    public void Handles_ranges_that_reach_the_ends_of_the_address_space()
    {
        var table = Build(out var overlaps, (0, uint.MaxValue, 0), (0, 0, 1), (uint.MaxValue - 1, uint.MaxValue, 2));

        Assert.Equal(["B", "A", "A", "C", "C"], Find(table, 0, 1, uint.MaxValue - 2, uint.MaxValue - 1, uint.MaxValue));
        Assert.Equal(2, overlaps);
    }

    [Fact]
    public void Of_two_identical_ranges_the_later_one_wins()
    {
        var table = Build(out var overlaps, (5, 10, 0), (5, 10, 1));

        Assert.Equal(["B", "B"], Find(table, 5, 10));
        Assert.Equal(1, overlaps);
    }

    [Fact]
    public void Works_with_128_bit_addresses()
    {
        var builder = new IpRangeTableBuilder<UInt128>();
        builder.Add(UInt128.MaxValue - 10, UInt128.MaxValue, 0);
        builder.Add(UInt128.One << 100, (UInt128.One << 101) - 1, 1);
        var table = builder.Build(Values, out _);

        Assert.Equal("A", table.Find(UInt128.MaxValue));
        Assert.Equal("B", table.Find(UInt128.One << 100));
        Assert.Null(table.Find(UInt128.One << 101));
        Assert.Null(table.Find(UInt128.MaxValue - 11));
    }

    [Fact]
    public void Empty_table_finds_nothing()
    {
        Assert.Null(Build(out _).Find(0));
        Assert.Null(IpRangeTable<UInt128>.Empty.Find(UInt128.MaxValue));
    }

    private static IpRangeTable<uint> Build(out int overlaps, params (uint Start, uint End, int Value)[] ranges)
    {
        var builder = new IpRangeTableBuilder<uint>();
        foreach (var (start, end, value) in ranges)
            builder.Add(start, end, value);
        return builder.Build(Values, out overlaps);
    }

    private static string[] Find(IpRangeTable<uint> table, params uint[] addresses) =>
        [.. addresses.Select(address => table.Find(address) ?? Miss)];
}
