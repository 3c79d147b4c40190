using CdnPulse.Dashboard.Resources;
using CdnPulse.Dashboard.Store;

namespace CdnPulse.Dashboard.Apis;

/// <summary>What the dashboard's read endpoints need.</summary>
internal sealed record DashboardServices(TelemetryStore Store, SystemResources Resources, TimeProvider Time);
