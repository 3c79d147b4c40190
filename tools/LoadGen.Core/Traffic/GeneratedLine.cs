using CdnPulse.Contracts;
using CdnPulse.LoadGen.Clients;

namespace CdnPulse.LoadGen.Traffic;

/// <summary>
/// One generated request: the log line (no line break) and the request as CdnPulse should see it after parsing and
/// enrichment, with the viewer's country and ISP filled in whether or not the format carries c-country.
/// </summary>
public sealed record GeneratedLine(long Index, CdnRequest Request, ClientAddress Client, string Line);
