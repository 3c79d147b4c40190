using CdnPulse.Dashboard.Auth;
using CdnPulse.Dashboard.Otlp;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CdnPulse.Dashboard.Apis;

/// <summary>What both OTLP transports need per request.</summary>
internal sealed record OtlpServices(HttpContext Http, OtlpReceiver Receiver, DashboardAuth Auth, ILogger<OtlpReceiver> Logger);
