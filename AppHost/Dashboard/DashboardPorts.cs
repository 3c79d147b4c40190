using System.Net;
using System.Net.Sockets;
using CdnPulse.Hosting;

namespace CdnPulse.Dashboard;

/// <summary>The dashboard's three listeners: OTLP/gRPC, OTLP/HTTP and the page, on the standard ports when those are free.</summary>
public sealed record DashboardPorts(int OtlpGrpc, int OtlpHttp, int Page)
{
    public const int StandardOtlpGrpc = 4317;
    public const int StandardOtlpHttp = 4318;

    /// <summary>The standalone Aspire dashboard's page port, so habits carry over.</summary>
    public const int StandardPage = 18888;

    public bool AreStandard => OtlpGrpc == StandardOtlpGrpc && OtlpHttp == StandardOtlpHttp && Page == StandardPage;

    public static DashboardPorts Choose(bool preferStandard) => new(
        Pick(StandardOtlpGrpc, preferStandard), Pick(StandardOtlpHttp, preferStandard), Pick(StandardPage, preferStandard));

    private static int Pick(int standard, bool preferStandard) => preferStandard && IsFree(standard) ? standard : FreePorts.Next();

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
