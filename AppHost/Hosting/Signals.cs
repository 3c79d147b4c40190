using System.Runtime.InteropServices;

namespace CdnPulse.Hosting;

/// <summary>POSIX signals by PID: .NET's Process only offers SIGKILL, and servers deserve a graceful SIGTERM first.</summary>
internal static partial class Signals
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    public static bool Send(int pid, int signal) => pid > 0 && Kill(pid, signal) == 0;

    public static bool IsAlive(int pid) => pid > 0 && Kill(pid, 0) == 0;

    public static async Task<bool> WaitForExitAsync(int pid, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsAlive(pid) && !IsZombieOrGone(pid))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(50);
        }
        return true;
    }

    /// <summary>A process re-parented to PID 1 lingers as a zombie until reaped; it has stopped all the same.</summary>
    private static bool IsZombieOrGone(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var close = stat.LastIndexOf(')');
            return close > 0 && close + 2 < stat.Length && stat[close + 2] == 'Z';
        }
        catch (IOException)
        {
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
