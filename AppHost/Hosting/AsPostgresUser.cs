namespace CdnPulse.Hosting;

/// <summary>PostgreSQL refuses to run as root; as root we drop to the 'postgres' user with setpriv (no fork, same PID).</summary>
internal static class AsPostgresUser
{
    public static ManagedProcess Start(string resource, string program, IReadOnlyList<string> arguments, IResourceLog log) =>
        Prerequisites.IsRoot
            ? ManagedProcess.Start(resource, Prerequisites.Setpriv(), [.. SetprivArguments, program, .. arguments], log, Environment(), gracePeriod: TimeSpan.FromSeconds(15))
            : ManagedProcess.Start(resource, program, arguments, log, gracePeriod: TimeSpan.FromSeconds(15));

    public static Task RunAsync(string resource, string program, IReadOnlyList<string> arguments, IResourceLog log, TimeSpan timeout, CancellationToken cancellationToken) =>
        Prerequisites.IsRoot
            ? ManagedProcess.RunToCompletionAsync(resource, Prerequisites.Setpriv(), [.. SetprivArguments, program, .. arguments], log, timeout, cancellationToken, Environment())
            : ManagedProcess.RunToCompletionAsync(resource, program, arguments, log, timeout, cancellationToken);

    /// <summary>Gives the folder (and everything in it) to the postgres user when we are root.</summary>
    public static void Own(string folder)
    {
        if (!Prerequisites.IsRoot)
        {
            return;
        }
        var (uid, gid) = PostgresIds();
        foreach (var path in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Prepend(folder))
        {
            Chown(path, uid, gid);
        }
    }

    private static string[] SetprivArguments => ["--reuid=postgres", "--regid=postgres", "--init-groups", "--"];

    private static Dictionary<string, string?> Environment() => new() { ["HOME"] = "/var/lib/postgresql", ["USER"] = "postgres" };

    private static (int Uid, int Gid) PostgresIds()
    {
        foreach (var line in File.ReadLines("/etc/passwd"))
        {
            var parts = line.Split(':');
            if (parts.Length > 3 && parts[0] == "postgres")
            {
                return (int.Parse(parts[2]), int.Parse(parts[3]));
            }
        }
        throw new MissingPrerequisiteException("The 'postgres' system user", "postgresql");
    }

    private static void Chown(string path, int uid, int gid)
    {
        if (NativeFiles.Chown(path, uid, gid) != 0)
        {
            throw new IOException($"Could not give {path} to the postgres user.");
        }
    }
}
