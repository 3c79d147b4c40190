namespace CdnPulse.Hosting;

/// <summary>A program CdnPulse needs is not installed; the message names the package that provides it.</summary>
public sealed class MissingPrerequisiteException(string what, string package)
    : Exception($"{what} is not installed. Install the '{package}' package (on Debian: apt-get install -y {package}), or run ./dev setup.")
{
    public string Package { get; } = package;
}
