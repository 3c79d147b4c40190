using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CdnPulse.Ingest;

/// <summary>This process's identity among Ingest instances: <see cref="IngestOptions.InstanceId"/>, or generated once at start.</summary>
public sealed class IngestInstance(IOptions<IngestOptions> options)
{
    public string Id { get; } = string.IsNullOrWhiteSpace(options.Value.InstanceId)
        ? $"{Environment.MachineName}-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}"
        : options.Value.InstanceId.Trim();
}
