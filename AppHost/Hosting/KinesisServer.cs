namespace CdnPulse.Hosting;

/// <summary>
/// kinesalite, the Kinesis-compatible server from the npm registry, bound to 127.0.0.1 through its API
/// (its CLI listens on every interface). In-memory: streams live as long as the process.
/// </summary>
public sealed class KinesisServer : IAsyncDisposable
{
    public const string ResourceName = "kinesis";

    private readonly ManagedProcess _process;

    private KinesisServer(ManagedProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string ServiceUrl => $"http://127.0.0.1:{Port}/";

    public int Pid => _process.Pid;

    public static async Task<KinesisServer> StartAsync(string repositoryRoot, IResourceLog log, CancellationToken cancellationToken)
    {
        var node = Prerequisites.Node();
        Prerequisites.NodeModule(repositoryRoot, "kinesalite");
        var script = Path.Combine(repositoryRoot, "tools", "node", "kinesalite-server.js");
        var port = FreePorts.Next();
        var process = ManagedProcess.Start(ResourceName, node, [script, port.ToString()], log, workingDirectory: Path.GetDirectoryName(script),
            gracePeriod: TimeSpan.FromSeconds(3));
        try
        {
            await FreePorts.WaitForListenerAsync(port, TimeSpan.FromSeconds(20), () => !process.HasExited, ResourceName, cancellationToken);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
        return new KinesisServer(process, port);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
