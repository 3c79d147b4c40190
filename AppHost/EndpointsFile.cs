using System.Text.Json;
using CdnPulse.Hosting;

namespace CdnPulse.AppHost;

/// <summary>.cdnpulse/endpoints.json: what the table shows, for scripts. Holds local secrets, so only its owner may read it.</summary>
internal static class EndpointsFile
{
    public static async Task<string> WriteAsync(CdnPulseSystem system, CancellationToken cancellationToken)
    {
        var path = Path.Combine(RepositoryPaths.Root, ".cdnpulse", "endpoints.json");
        var document = new Dictionary<string, object?>
        {
            ["apiKey"] = system.ApiKey,
            ["firehoseAccessKey"] = system.FirehoseAccessKey,
            ["startupSeconds"] = Math.Round(system.StartupTime.TotalSeconds, 1),
            ["stateDirectory"] = system.StateDirectory,
            ["resources"] = new Dictionary<string, object?>
            {
                ["postgres"] = new { connectionString = system.EventsConnectionString, pid = system.Postgres!.Pid },
                ["messaging"] = new { connectionString = system.Messaging!.ConnectionString, managementUrl = system.Messaging.ManagementUrl, pid = system.Messaging.BeamPid },
                ["kinesis"] = new { url = system.Kinesis!.ServiceUrl, stream = SystemModel.StreamName, region = SystemModel.KinesisRegion, pid = system.Kinesis.Pid },
            }
            .Concat(system.Services.Values.Select(s => new KeyValuePair<string, object?>(s.Name, new { url = s.Url, pid = s.Pid })))
            .ToDictionary(),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "", cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        return path;
    }
}
