using Microsoft.Extensions.Logging;

namespace CdnPulse.Dashboard;

internal static partial class DashboardLog
{
    [LoggerMessage(1, LogLevel.Warning, "Probing the resources failed")]
    public static partial void ProbeFailed(ILogger logger, Exception exception);

    [LoggerMessage(2, LogLevel.Warning, "Refused an OTLP {Signal} export over {Transport}: {Reason}")]
    public static partial void ExportRefused(ILogger logger, string signal, string transport, string reason);
}
