using System.Net;
using System.Text;
using CdnPulse.Enrichment.IpData;

namespace CdnPulse.Enrichment.Tests.IpData;

/// <summary>Reading addresses from UTF-8 must agree with the char parser (and so with <see cref="IPAddress"/>) on every input.</summary>
public sealed class Utf8AddressParsingTests
{
    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("010.1.1.1")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.")]
    [InlineData("1.2.3.256")]
    [InlineData(" 1.2.3.4")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("1::")]
    [InlineData("1:2:3:4:5:6:7::")]
    [InlineData("::2:3:4:5:6:7:8")]
    [InlineData("2001:db8::1")]
    [InlineData("2001:DB8:0:0:8:800:200C:417A")]
    [InlineData("2001:0db8:0000:0000:0000:ff00:0042:8329")]
    [InlineData("1:2:3:4:5:6:7:8")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("1::2::3")]
    [InlineData("12345::")]
    [InlineData(":1::")]
    [InlineData(":::")]
    [InlineData("1:")]
    [InlineData("1::2:3:4:5:6:7:8")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("::ffff:808:808")]
    [InlineData("64:ff9b::8.8.8.8")]
    [InlineData("fe80::1%eth0")]
    [InlineData("[::1]")]
    [InlineData("g::1")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("not an address")]
    public void Reads_UTF8_exactly_as_the_char_parser(string text)
    {
        // The char parser reads the usual forms itself too: it must answer as IPAddress (where the family matches).
        var framework = IPAddress.TryParse(text, out var address) && IpAddressParser.TryConvert(address, out var frameworkValue)
            ? frameworkValue
            : (UInt128?)null;
        if (IpAddressParser.TryParse(text, out var own))
            Assert.Equal(framework, own);
        else
            Assert.Null(framework);

        var parsed = IpAddressParser.TryParse(text, out var expected);

        Assert.Equal(parsed, IpAddressParser.TryParseUtf8(Encoding.UTF8.GetBytes(text), out var actual));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Reads_every_text_form_IPAddress_writes_as_IPAddress_does()
    {
        var random = new Random(7);
        var bytes = new byte[16];
        for (var i = 0; i < 50_000; i++)
        {
            random.NextBytes(bytes);
            // Runs of zero groups, so the compressed forms show up in every position.
            for (var g = random.Next(8); g < 8 && random.Next(3) > 0; g++)
                bytes[2 * g] = bytes[(2 * g) + 1] = 0;
            var address = new IPAddress(bytes);
            foreach (var text in new[] { address.ToString(), address.ToString().ToUpperInvariant(), Expanded(bytes) })
            {
                Assert.True(IpAddressParser.TryParseUtf8(Encoding.ASCII.GetBytes(text), out var value), text);
                Assert.True(IpAddressParser.TryParse(text, out var expected), text);
                Assert.Equal(expected, value);
                Assert.Equal(System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes), value);
            }
        }
    }

    private static string Expanded(byte[] bytes) =>
        string.Join(':', Enumerable.Range(0, 8).Select(g => ((bytes[2 * g] << 8) | bytes[(2 * g) + 1]).ToString("x4")));
}
