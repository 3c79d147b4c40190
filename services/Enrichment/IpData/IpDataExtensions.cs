using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CdnPulse.Enrichment.IpData;

public static class IpDataExtensions
{
    /// <summary>
    /// Adds IP → country/ISP lookups: <see cref="IpDataOptions"/> from the "IpData" section (checked at start:
    /// the folder must exist and hold data files), the <see cref="IpLocationProvider"/> singleton, and a hosted
    /// service that loads the data before the host starts and reloads it when the files change.
    /// </summary>
    public static IHostApplicationBuilder AddIpData(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<IpDataOptions>()
            .Bind(builder.Configuration.GetSection(IpDataOptions.SectionName))
            .PostConfigure(options => options.Folder = options.ResolveFolder() ?? options.Folder)
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IpDataOptions>, IpDataOptionsValidator>());
        builder.Services.TryAddSingleton<IpLocationProvider>();
        builder.Services.AddHostedService<IpDataReloader>();
        return builder;
    }
}
