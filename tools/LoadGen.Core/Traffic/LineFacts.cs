using CdnPulse.Contracts;
using CdnPulse.LoadGen.Clients;

namespace CdnPulse.LoadGen.Traffic;

/// <summary>What the generator decided for one request, for the columns a <see cref="CdnRequest"/> does not hold.</summary>
internal readonly record struct LineFacts(
    CdnRequest Request,
    ClientAddress Client,
    DomainTraffic Domain,
    CatalogEntry Entry,
    CacheOutcome Outcome,
    long BodyBytes,
    double OriginMs);
