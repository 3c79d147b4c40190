using CdnPulse.ServiceDefaults.ApiKeys;
using Npgsql;

namespace CdnPulse.Admin;

/// <summary>
/// <c>cdnpulse-admin keys create|list|revoke</c>: API keys stored hashed in PostgreSQL (schema <c>auth</c>). A new
/// key is printed once, on standard output, and never again; only its SHA-256 is stored.
/// </summary>
public static class ApiKeysCommand
{
    private const string Usage = """
        usage: cdnpulse-admin keys <command>
          create --name <name> --scopes <scope>[,<scope>…]   create a key and print it (once: only its hash is kept)
          list [--all]                                     list keys (--all: revoked ones too); never shows key values
          revoke <id>                                      revoke a key; services stop accepting it within Auth:KeyCacheSeconds
        Scopes: read-metrics, manage-alarms, ingest, admin. The database is taken from ConnectionStrings__events.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await (args.Length == 0 ? error : output).WriteLineAsync(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__events");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await error.WriteLineAsync("ConnectionStrings__events is not set: it must name the PostgreSQL event store.");
            return 2;
        }
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var store = new ApiKeyStore(dataSource);
        return args[0] switch
        {
            "create" => await CreateAsync(store, args[1..], output, error, cancellationToken),
            "list" => await ListAsync(store, args[1..].Contains("--all"), output, cancellationToken),
            "revoke" when args.Length == 2 && Guid.TryParse(args[1], out var id) => await RevokeAsync(store, id, output, error, cancellationToken),
            _ => await UsageErrorAsync(error, $"Unknown or incomplete command '{string.Join(' ', args)}'."),
        };
    }

    private static async Task<int> CreateAsync(ApiKeyStore store, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var name = Option(args, "--name");
        var scopes = Option(args, "--scopes")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!ApiKeyStore.TryValidate(name, scopes, out var field, out var message))
        {
            return await UsageErrorAsync(error, $"--{field}: {message}");
        }
        var created = await store.CreateAsync(name!, scopes!, cancellationToken);
        await error.WriteLineAsync($"Created key {created.Record.Id} ({created.Record.Name}) with scopes {string.Join(",", created.Record.Scopes)}.");
        await error.WriteLineAsync("The key follows. Store it now: it is shown this once and cannot be recovered.");
        await output.WriteLineAsync(created.Key);
        return 0;
    }

    private static async Task<int> ListAsync(ApiKeyStore store, bool includeRevoked, TextWriter output, CancellationToken cancellationToken)
    {
        var keys = await store.ListAsync(includeRevoked, cancellationToken);
        await output.WriteLineAsync($"{"id",-36}  {"name",-24}  {"key",-13}  {"scopes",-40}  {"created (UTC)",-19}  revoked (UTC)");
        foreach (var k in keys)
        {
            await output.WriteLineAsync(
                $"{k.Id,-36}  {k.Name,-24}  {k.Preview,-13}  {string.Join(",", k.Scopes),-40}  {k.CreatedAt.UtcDateTime,-19:yyyy-MM-dd HH:mm:ss}  {k.RevokedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss") ?? "-"}");
        }
        return 0;
    }

    private static async Task<int> RevokeAsync(ApiKeyStore store, Guid id, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await store.RevokeAsync(id, cancellationToken) is not { } revoked)
        {
            await error.WriteLineAsync($"No API key has the id {id}.");
            return 1;
        }
        await output.WriteLineAsync($"Revoked key {revoked.Id} ({revoked.Name}) at {revoked.RevokedAt!.Value.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static async Task<int> UsageErrorAsync(TextWriter error, string message)
    {
        await error.WriteLineAsync(message + Environment.NewLine + Usage);
        return 2;
    }
}
