using Microsoft.Extensions.Options;

namespace CdnPulse.Enrichment.IpData;

internal sealed class IpDataOptionsValidator : IValidateOptions<IpDataOptions>
{
    public ValidateOptionsResult Validate(string? name, IpDataOptions options)
    {
        var failures = new List<string>();
        if (options.ResolveFolder() is not { } folder)
            failures.Add(IpDataOptions.NoDefaultFolderMessage());
        else if (!Directory.Exists(folder))
            failures.Add($"IpData:Folder '{folder}' does not exist. {IpDataFiles.InstallHint}");
        else if (IpDataFiles.Find(folder).IsEmpty)
            failures.Add($"IpData:Folder '{folder}' holds no IP data files (asn-ipv4.csv, dbip-country-ipv4.csv, … or GeoLite2-*-Blocks-*.csv). {IpDataFiles.InstallHint}");
        if (options.ReloadInterval <= TimeSpan.Zero)
            failures.Add($"IpData:ReloadInterval must be positive (was {options.ReloadInterval}).");
        if (options.ReloadDebounce < TimeSpan.Zero)
            failures.Add($"IpData:ReloadDebounce must not be negative (was {options.ReloadDebounce}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
