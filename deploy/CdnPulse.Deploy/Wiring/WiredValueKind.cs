namespace CdnPulse.Deploy.Wiring;

internal enum WiredValueKind
{
    ConnectionString,
    Parameter,
    ServiceUrl,
}
