using System.Net;
using System.Net.Sockets;

namespace CdnPulse.Hosting;

/// <summary>Free TCP ports on 127.0.0.1, asked of the kernel (bind to port 0) so parallel runs never collide.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static async Task WaitForListenerAsync(int port, TimeSpan timeout, Func<bool>? stillRunning, string resource, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
            }
            if (stillRunning is not null && !stillRunning())
            {
                throw new ResourceStartException(resource, $"exited before it listened on port {port}");
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new ResourceStartException(resource, $"did not listen on port {port} within {timeout.TotalSeconds:0} s");
            }
            await Task.Delay(100, cancellationToken);
        }
    }
}
