using CdnPulse.Contracts;
using CdnPulse.Enrichment.IpData;

namespace CdnPulse.Enrichment;

/// <summary>
/// Country and ISP for each request, as the reference's Log Transformer does, without its bugs: CloudFront's
/// c-country when the log has it, else the IP-range table; ISP = the AS organisation of the client IP; a miss is
/// "NotFound", never a neighbouring row.
/// </summary>
public sealed class RequestEnricher(IpLocationProvider ipData)
{
    // Addresses looked up together, so that their table searches overlap (see IpLocationDatabase.Locate).
    private const int Group = 64;

    public CdnRequest[] Enrich(IReadOnlyList<CdnRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var database = ipData.Current;
        var enriched = new CdnRequest[requests.Count];
        var ips = new string?[Math.Min(Group, enriched.Length)];
        var locations = new IpLocation[ips.Length];
        for (var start = 0; start < enriched.Length; start += Group)
        {
            var count = Math.Min(Group, enriched.Length - start);
            for (var k = 0; k < count; k++)
            {
                ips[k] = requests[start + k].ClientIp;
            }

            database.Locate(ips.AsSpan(0, count), locations);
            for (var k = 0; k < count; k++)
            {
                var request = requests[start + k];
                var location = locations[k];
                // The contract's records are immutable: one new record per request is the one allocation left here.
                enriched[start + k] = request with
                {
                    Country = string.IsNullOrEmpty(request.Country) ? location.Country : request.Country,
                    Isp = location.Isp,
                };
            }
        }

        return enriched;
    }
}
