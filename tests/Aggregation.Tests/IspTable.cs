using System.Net;
using System.Numerics;
using CdnPulse.Hosting;

namespace CdnPulse.Aggregation.Tests;

/// <summary>
/// The ISP (AS organisation) of a few addresses, read straight from the @ip-location-db ASN files that Enrichment
/// loads, so the expected download-speed keys do not depend on Enrichment's code. A miss is "NotFound".
/// </summary>
internal static class IspTable
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tools/node/node_modules/@ip-location-db/asn");

    public static Dictionary<string, string> Lookup(IEnumerable<string> addresses)
    {
        var wanted = addresses.Distinct().ToDictionary(a => a, a => (Number: Number(IPAddress.Parse(a)), V6: a.Contains(':')));
        var found = new Dictionary<string, string>();
        foreach (var (file, v6) in new[] { ("asn-ipv4-num.csv", false), ("asn-ipv6-num.csv", true) })
        {
            var targets = wanted.Where(w => w.Value.V6 == v6).ToList();
            if (targets.Count == 0)
            {
                continue;
            }
            foreach (var line in File.ReadLines(Path.Combine(Folder, file)))
            {
                var fields = line.Split(',', 4);
                var (start, end) = (BigInteger.Parse(fields[0]), BigInteger.Parse(fields[1]));
                foreach (var (address, (number, _)) in targets)
                {
                    if (number >= start && number <= end && fields[3].Length > 0)
                    {
                        found.TryAdd(address, Unquote(fields[3]));
                    }
                }
            }
        }
        return wanted.Keys.ToDictionary(a => a, a => found.GetValueOrDefault(a, "NotFound"));
    }

    private static BigInteger Number(IPAddress address) => new(address.GetAddressBytes(), isUnsigned: true, isBigEndian: true);

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : value;
}
