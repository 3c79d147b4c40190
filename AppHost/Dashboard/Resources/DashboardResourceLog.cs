using CdnPulse.Dashboard.Store;
using CdnPulse.Hosting;

namespace CdnPulse.Dashboard.Resources;

/// <summary>Keeps every output line of every resource in the dashboard's console store, then passes it on (to the terminal).</summary>
public sealed class DashboardResourceLog(TelemetryStore store, IResourceLog? next) : IResourceLog
{
    public void Line(string resource, string line, bool isError)
    {
        store.AddConsoleLine(resource, line, isError);
        next?.Line(resource, line, isError);
    }
}
