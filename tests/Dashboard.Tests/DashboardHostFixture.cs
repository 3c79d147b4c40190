using CdnPulse.Hosting;

namespace CdnPulse.Dashboard.Tests;

/// <summary>A dashboard on free ports, without a system: for the receiver and sign-in tests.</summary>
public sealed class DashboardHostFixture : IAsyncLifetime
{
    public string ApiKey { get; } = Secrets.NewApiKey();

    public DashboardHost Dashboard { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Dashboard = await DashboardHost.StartAsync(new DashboardOptions { ApiKey = ApiKey, OtlpApiKey = Secrets.NewApiKey(), UseStandardPorts = false }, CancellationToken.None);

    public async Task DisposeAsync() => await Dashboard.DisposeAsync();
}
