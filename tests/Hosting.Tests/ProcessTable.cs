namespace CdnPulse.Hosting.Tests;

/// <summary>Reads /proc, the way `ps` does, to prove processes are gone (zombies count as gone).</summary>
internal static class ProcessTable
{
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
