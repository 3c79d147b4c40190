using Npgsql;

namespace CdnPulse.Hosting;

/// <summary>
/// A private PostgreSQL cluster: initdb into a folder of ours, the postmaster as our own child on 127.0.0.1 and a
/// free port, tuned for throwaway data (no fsync). As root, the server runs as the 'postgres' user through setpriv,
/// which execs in place, so the PID we hold is the postmaster's.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string ResourceName = "postgres";

    private readonly ManagedProcess _process;

    private PostgresServer(ManagedProcess process, int port, string password)
    {
        _process = process;
        Port = port;
        Password = password;
    }

    public int Port { get; }

    public string Password { get; }

    public int Pid => _process.Pid;

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Password = Password,
            Database = database,
        }.ConnectionString;

    public static async Task<PostgresServer> StartAsync(string stateDirectory, IResourceLog log, CancellationToken cancellationToken)
    {
        var bin = Prerequisites.PostgresBin();
        var folder = Path.Combine(stateDirectory, ResourceName);
        Directory.CreateDirectory(folder);
        var dataDirectory = Path.Combine(folder, "data");
        var password = Secrets.NewPassword();
        var passwordFile = Path.Combine(folder, "pwfile");
        await File.WriteAllTextAsync(passwordFile, password + "\n", cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        AsPostgresUser.Own(folder);

        await AsPostgresUser.RunAsync(ResourceName, Path.Combine(bin, "initdb"),
            ["-D", dataDirectory, "-U", "postgres", $"--pwfile={passwordFile}", "-A", "scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
            log, TimeSpan.FromSeconds(60), cancellationToken);
        File.Delete(passwordFile);

        var port = FreePorts.Next();
        var process = AsPostgresUser.Start(ResourceName, Path.Combine(bin, "postgres"),
            ["-D", dataDirectory, "-p", port.ToString(), "-c", "listen_addresses=127.0.0.1", "-k", folder,
             "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
             "-c", "max_connections=300", "-c", "shared_buffers=256MB", "-c", "log_min_messages=warning"],
            log);
        var server = new PostgresServer(process, port, password);
        try
        {
            await server.WaitUntilReadyAsync(cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    public async Task CreateDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection);
        exists.Parameters.AddWithValue(database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"create database \"{database.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var connectionString = ConnectionString("postgres") + ";Timeout=2;Pooling=false";
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (NpgsqlException ex)
            {
                throw new ResourceStartException(ResourceName, _process.HasExited ? "exited during start-up" : $"did not accept connections: {ex.Message}");
            }
        }
    }

    /// <summary>SIGTERM is PostgreSQL's "smart" shutdown, which waits for clients; SIGINT is "fast".</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signals.Send(_process.Pid, Signals.SigInt);
            if (!await Signals.WaitForExitAsync(_process.Pid, TimeSpan.FromSeconds(15)))
            {
                _process.Kill();
            }
        }
        await _process.DisposeAsync();
    }
}
