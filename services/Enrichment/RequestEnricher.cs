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
    public CdnRequest[] Enrich(IReadOnlyList<CdnRequest> requests)
    {
        var database = ipData.Current;
        var enriched = new CdnRequest[requests.Count];
        for (var i = 0; i < enriched.Length; i++)
        {
            var request = requests[i];
            var location = database.Locate(request.ClientIp);
            enriched[i] = request with
            {
                Country = string.IsNullOrEmpty(request.Country) ? location.Country : request.Country,
                Isp = location.Isp,
            };
        }
        return enriched;
    }
}
