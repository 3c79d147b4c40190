using System.Text.Json;

namespace CdnPulse.Hosting.Tests;

public sealed class AspireManifestTests
{
    [Fact]
    public void Committed_manifest_matches_the_system_model()
    {
        var committed = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "aspire-manifest.json"));
        Assert.True(committed == AspireManifest.Render(),
            "aspire-manifest.json is stale: run 'dotnet run --project AppHost -- publish' and commit the result.");
    }

    [Fact]
    public void Manifest_describes_every_resource_with_its_connection_strings_and_bindings()
    {
        using var manifest = JsonDocument.Parse(AspireManifest.Render());
        var resources = manifest.RootElement.GetProperty("resources");
        Assert.Equal("container.v0", resources.GetProperty("postgres").GetProperty("type").GetString());
        Assert.Equal("value.v0", resources.GetProperty("events").GetProperty("type").GetString());
        Assert.Equal("container.v0", resources.GetProperty("messaging").GetProperty("type").GetString());
        Assert.True(resources.GetProperty("api-key").GetProperty("inputs").GetProperty("value").GetProperty("secret").GetBoolean());
        foreach (var service in new[] { "ingest", "enrichment", "aggregation", "metrics-query" })
        {
            var project = resources.GetProperty(service);
            Assert.Equal("project.v0", project.GetProperty("type").GetString());
            Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, project.GetProperty("path").GetString()!)), $"{service} project path");
            Assert.Equal(8080, project.GetProperty("bindings").GetProperty("http").GetProperty("targetPort").GetInt32());
            Assert.Equal(service, project.GetProperty("env").GetProperty("OTEL_SERVICE_NAME").GetString());
        }
        Assert.Equal("{messaging.connectionString}", resources.GetProperty("enrichment").GetProperty("env").GetProperty("ConnectionStrings__messaging").GetString());
        Assert.Equal("{events.connectionString}", resources.GetProperty("ingest").GetProperty("env").GetProperty("ConnectionStrings__events").GetString());
        Assert.Equal("{api-key.value}", resources.GetProperty("metrics-query").GetProperty("env").GetProperty("Auth__ApiKeys__0").GetString());
        Assert.Equal(["migrate"], resources.GetProperty("migrations").GetProperty("args").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void Rendering_twice_gives_the_same_bytes()
    {
        Assert.Equal(AspireManifest.Render(), AspireManifest.Render());
    }
}
