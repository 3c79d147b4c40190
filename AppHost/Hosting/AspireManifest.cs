using System.Text.Json;
using System.Text.Json.Nodes;

namespace CdnPulse.Hosting;

/// <summary>
/// The system as an Aspire manifest (container.v0, dockerfile.v0, parameter.v0, value.v0, project.v0), rendered from
/// the same <see cref="SystemModel"/> the local run uses. Deterministic: no timestamps, fixed order, LF line ends.
/// </summary>
public static class AspireManifest
{
    private const string PostgresPassword = "postgres-password";
    private const string RabbitPassword = "messaging-password";

    public static string Render()
    {
        var resources = new JsonObject
        {
            ["postgres"] = new JsonObject
            {
                ["type"] = "container.v0",
                ["connectionString"] = $"Host={{postgres.bindings.tcp.host}};Port={{postgres.bindings.tcp.port}};Username=postgres;Password={{{PostgresPassword}.value}}",
                ["image"] = "docker.io/library/postgres:15",
                ["env"] = new JsonObject
                {
                    ["POSTGRES_HOST_AUTH_METHOD"] = "scram-sha-256",
                    ["POSTGRES_INITDB_ARGS"] = "--auth-host=scram-sha-256 --auth-local=scram-sha-256",
                    ["POSTGRES_USER"] = "postgres",
                    ["POSTGRES_PASSWORD"] = $"{{{PostgresPassword}.value}}",
                },
                ["bindings"] = TcpBinding(5432),
            },
            [SystemModel.Events] = new JsonObject
            {
                ["type"] = "value.v0",
                ["connectionString"] = $"{{postgres.connectionString}};Database={SystemModel.Events}",
            },
            [PostgresPassword] = SecretParameter(PostgresPassword),
            [SystemModel.Messaging] = new JsonObject
            {
                ["type"] = "container.v0",
                ["connectionString"] = $"amqp://guest:{{{RabbitPassword}.value}}@{{{SystemModel.Messaging}.bindings.tcp.host}}:{{{SystemModel.Messaging}.bindings.tcp.port}}",
                ["image"] = "docker.io/library/rabbitmq:3.10-management",
                ["env"] = new JsonObject
                {
                    ["RABBITMQ_DEFAULT_USER"] = "guest",
                    ["RABBITMQ_DEFAULT_PASS"] = $"{{{RabbitPassword}.value}}",
                },
                ["bindings"] = TcpBinding(5672),
            },
            [RabbitPassword] = SecretParameter(RabbitPassword),
            [SystemModel.Kinesis] = new JsonObject
            {
                ["type"] = "dockerfile.v0",
                ["path"] = "tools/node/Dockerfile",
                ["context"] = "tools/node",
                ["connectionString"] = $"http://{{{SystemModel.Kinesis}.bindings.http.host}}:{{{SystemModel.Kinesis}.bindings.http.port}}/",
                ["bindings"] = new JsonObject
                {
                    ["http"] = new JsonObject { ["scheme"] = "http", ["protocol"] = "tcp", ["transport"] = "http", ["targetPort"] = 4567 },
                },
            },
            [SystemModel.ApiKeyParameter] = SecretParameter(SystemModel.ApiKeyParameter),
            [SystemModel.FirehoseAccessKeyParameter] = SecretParameter(SystemModel.FirehoseAccessKeyParameter),
        };
        var expressions = new ManifestExpressions();
        foreach (var definition in SystemModel.Services.Prepend(SystemModel.MigrationsStep))
        {
            resources[definition.Name] = Project(definition, expressions);
        }
        var manifest = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/aspire-8.0.json",
            ["resources"] = resources,
        };
        return manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).Replace("\r\n", "\n") + "\n";
    }

    private static JsonObject Project(ServiceDefinition definition, IValueResolver expressions)
    {
        var env = new JsonObject
        {
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES"] = "true",
            ["OTEL_SERVICE_NAME"] = definition.Name,
        };
        foreach (var (key, value) in definition.Environment(expressions).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            env[key] = value;
        }
        var project = new JsonObject { ["type"] = "project.v0", ["path"] = definition.ProjectPath };
        if (definition.Arguments.Count > 0)
        {
            project["args"] = new JsonArray(definition.Arguments.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray());
        }
        project["env"] = env;
        if (definition.HasHttpEndpoint)
        {
            env["ASPNETCORE_URLS"] = $"http://+:{{{definition.Name}.bindings.http.targetPort}}";
            project["bindings"] = new JsonObject
            {
                ["http"] = new JsonObject { ["scheme"] = "http", ["protocol"] = "tcp", ["transport"] = "http", ["targetPort"] = 8080 },
            };
        }
        return project;
    }

    private static JsonObject TcpBinding(int targetPort) => new()
    {
        ["tcp"] = new JsonObject { ["scheme"] = "tcp", ["protocol"] = "tcp", ["transport"] = "tcp", ["targetPort"] = targetPort },
    };

    private static JsonObject SecretParameter(string name) => new()
    {
        ["type"] = "parameter.v0",
        ["value"] = $"{{{name}.inputs.value}}",
        ["inputs"] = new JsonObject
        {
            ["value"] = new JsonObject
            {
                ["type"] = "string",
                ["secret"] = true,
                ["default"] = new JsonObject { ["generate"] = new JsonObject { ["minLength"] = 24, ["special"] = false } },
            },
        },
    };

    private sealed class ManifestExpressions : IValueResolver
    {
        public string ConnectionString(string resource) => $"{{{resource}.connectionString}}";

        public string Parameter(string name) => $"{{{name}.value}}";

        public string ServiceUrl(string service) => $"{{{service}.bindings.http.url}}";

        // In a container the data sits beside the app; the path is relative to the project's output.
        public string RepositoryPath(string relativePath) => relativePath;
    }
}
