using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static CdnPulse.Deploy.Tests.StackTemplate;

namespace CdnPulse.Deploy.Tests;

[Collection(SynthCollection.Name)]
public sealed partial class SecretHygieneTests(SynthesizedStacks stacks)
{
    private const string SecretsManagerReference = "{{resolve:secretsmanager:";

    [Fact]
    public void Every_secret_is_generated_or_assembled_from_references()
    {
        foreach (var template in new[] { stacks.Default, stacks.KinesisPath })
        {
            foreach (var (id, secret) in template.OfType("AWS::SecretsManager::Secret"))
            {
                if (secret.ContainsKey("GenerateSecretString"))
                {
                    continue;
                }
                var literal = string.Concat(JoinParts(secret["SecretString"]).OfType<JsonValue>().Select(p => (string)p!));
                Assert.Contains(SecretsManagerReference, literal, StringComparison.Ordinal);
                // Without its references, no password is left: "Password=;" and "amqps://user:@host".
                var rest = ResolveReferences().Replace(literal, "");
                Assert.DoesNotMatch(LiteralPassword(), rest);
            }
        }
    }

    [Fact]
    public void Every_password_or_key_property_is_a_secrets_manager_reference()
    {
        var found = 0;
        foreach (var (name, value) in Properties(stacks.Default.Root))
        {
            if (SecretLikeProperty().IsMatch(name) && !value.ToJsonString().Contains("GenerateStringKey", StringComparison.Ordinal))
            {
                found++;
                Assert.True(value is not JsonValue, $"{name} is a literal: {value.ToJsonString()}");
                Assert.Contains(SecretsManagerReference, value.ToJsonString(), StringComparison.Ordinal);
            }
        }
        // The RDS master password, the broker user's password and the two assembled connection strings.
        Assert.Equal(4, found);
        Assert.DoesNotContain("guest", stacks.Default.Root.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_container_gets_a_secret_through_its_plain_environment()
    {
        foreach (var (_, task) in stacks.Default.OfType("AWS::ECS::TaskDefinition"))
        {
            foreach (var container in task["ContainerDefinitions"]!.AsArray())
            {
                Assert.DoesNotContain(NameValues(container!["Environment"], "Value").Keys, name => SecretLikeVariable().IsMatch(name));
            }
        }
    }

    // Every property in the template, however deep.
    private static IEnumerable<(string Name, JsonNode Value)> Properties(JsonNode? node) => node switch
    {
        JsonObject o => o.Where(p => p.Value is not null).SelectMany(p => Properties(p.Value).Prepend((p.Key, p.Value!))),
        JsonArray a => a.SelectMany(Properties),
        _ => [],
    };

    [GeneratedRegex(@"(?i)^(password|masteruserpassword|accesskey|apikey|secretstring|token)$")]
    private static partial Regex SecretLikeProperty();

    [GeneratedRegex(@"(?i)(password|secret|apikey|api_key|accesskey|connectionstrings)")]
    private static partial Regex SecretLikeVariable();

    [GeneratedRegex(@"\{\{resolve:secretsmanager:[^}]*\}\}")]
    private static partial Regex ResolveReferences();

    [GeneratedRegex(@"(?i)password=[^;]|://[^:/@]+:[^@]+@")]
    private static partial Regex LiteralPassword();
}
