namespace CdnPulse.Hosting;

/// <summary>Receives every output line of every resource the hosting code starts.</summary>
public interface IResourceLog
{
    void Line(string resource, string line, bool isError);
}
