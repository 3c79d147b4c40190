using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using CdnPulse.Enrichment.IpData;

namespace CdnPulse.Enrichment.Tests.IpData;

public class IpAddressParserTests
{
    [Fact]
    public void Fast_IPv4_parser_agrees_with_IPAddress_on_random_addresses()
    {
        var random = new Random(20260601);
        for (var i = 0; i < 20_000; i++)
        {
            var expected = (uint)random.NextInt64(0, 1L << 32);
            var text = new IPAddress([(byte)(expected >> 24), (byte)(expected >> 16), (byte)(expected >> 8), (byte)expected]).ToString();

            Assert.True(IpAddressParser.TryParseIPv4(text, out var parsed), text);
            Assert.Equal(expected, parsed);
        }
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("1.2.3.256")]
    [InlineData("1.2.3.0004")]
    [InlineData("01.2.3.4")]
    [InlineData("1..3.4")]
    [InlineData("1.2.3.4 ")]
    [InlineData("1.2.3.")]
    [InlineData("")]
    public void Fast_IPv4_parser_rejects_anything_but_a_plain_dotted_quad(string text)
    {
        Assert.False(IpAddressParser.TryParseIPv4(text, out _));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("010.1.1.1")]
    [InlineData("1.2.3")]
    [InlineData("16777217")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("2001:db8::1")]
    [InlineData("fe80::1%3")]
    [InlineData("[2001:db8::1]")]
    [InlineData("2001:db8::zz")]
    [InlineData("1.2.3.4.5")]
    [InlineData("bogus")]
    public void Accepts_exactly_what_IPAddress_accepts(string text)
    {
        var expected = IPAddress.TryParse(text, out var address);

        Assert.Equal(expected, IpAddressParser.TryParse(text, out var parsed));
        if (expected)
        {
            var mapped = address!.AddressFamily == AddressFamily.InterNetwork ? address.MapToIPv6() : address;
            Assert.Equal(BinaryPrimitives.ReadUInt128BigEndian(mapped.GetAddressBytes()), parsed);
        }
    }

    [Theory]
    [InlineData("1.2.3.4/32", false, "1.2.3.4", "1.2.3.4")]
    [InlineData("1.2.3.4/24", false, "1.2.3.0", "1.2.3.255")]
    [InlineData("0.0.0.0/0", false, "0.0.0.0", "255.255.255.255")]
    [InlineData("10.20.0.0/15", false, "10.20.0.0", "10.21.255.255")]
    [InlineData("2001:200::/32", true, "2001:200::", "2001:200:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("::/0", true, "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("2001:db8::1/128", true, "2001:db8::1", "2001:db8::1")]
    public void Converts_CIDR_to_first_and_last_address(string cidr, bool ipv6, string first, string last)
    {
        Assert.True(IpAddressParser.TryParseCidr(cidr, ipv6, out var start, out var end));

        Assert.Equal((first, last), (IpAddressParser.Format(start, ipv6), IpAddressParser.Format(end, ipv6)));
    }

    [Theory]
    [InlineData("1.2.3.4", false)]
    [InlineData("1.2.3.4/33", false)]
    [InlineData("1.2.3.4/-1", false)]
    [InlineData("2001:db8::/24", false)]
    [InlineData("1.2.3.0/24", true)]
    [InlineData("2001:db8::/129", true)]
    public void Rejects_malformed_CIDR(string cidr, bool ipv6)
    {
        Assert.False(IpAddressParser.TryParseCidr(cidr, ipv6, out _, out _));
    }
}
