namespace CdnPulse.Hosting;

/// <summary>Finds the programs CdnPulse runs, or says which Debian package is missing.</summary>
public static class Prerequisites
{
    public static bool IsRoot => Environment.UserName == "root";

    public static string PostgresBin()
    {
        const string root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "postgres")) && File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new MissingPrerequisiteException("The PostgreSQL server", "postgresql");
    }

    public static string RabbitMqServer() =>
        ExistingFile("/usr/lib/rabbitmq/bin/rabbitmq-server") ?? throw new MissingPrerequisiteException("The RabbitMQ server", "rabbitmq-server");

    public static string Epmd() =>
        ExistingFile("/usr/bin/epmd")
        ?? Directory.GetDirectories("/usr/lib/erlang", "erts-*").Select(d => ExistingFile(Path.Combine(d, "bin", "epmd"))).FirstOrDefault(f => f is not null)
        ?? throw new MissingPrerequisiteException("Erlang's epmd", "rabbitmq-server");

    public static string Node() =>
        ExistingFile("/usr/bin/node") ?? ExistingFile("/usr/local/bin/node") ?? throw new MissingPrerequisiteException("Node.js", "nodejs");

    public static string Setpriv() =>
        ExistingFile("/usr/bin/setpriv") ?? throw new MissingPrerequisiteException("setpriv", "util-linux");

    public static string NodeModule(string repositoryRoot, string module)
    {
        var path = Path.Combine(repositoryRoot, "tools", "node", "node_modules", module);
        return Directory.Exists(path)
            ? path
            : throw new MissingPrerequisiteException($"The npm package '{module}' (tools/node)", $"npm package {module}: run 'npm ci --prefix tools/node'");
    }

    private static string? ExistingFile(string path) => File.Exists(path) ? path : null;
}
