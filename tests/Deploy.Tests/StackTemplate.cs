using System.Text.Json.Nodes;

namespace CdnPulse.Deploy.Tests;

/// <summary>A synthesized CloudFormation template, read as JSON, with the lookups the tests share.</summary>
public sealed class StackTemplate
{
    private StackTemplate(JsonObject root, string folder)
    {
        Root = root;
        Folder = folder;
    }

    public JsonObject Root { get; }

    /// <summary>The cloud assembly folder the template sits in.</summary>
    public string Folder { get; }

    public JsonObject Resources => Root["Resources"]!.AsObject();

    public static StackTemplate Load(string templatePath) =>
        new(JsonNode.Parse(File.ReadAllText(templatePath))!.AsObject(), Path.GetDirectoryName(templatePath)!);

    public IReadOnlyList<(string Id, JsonObject Properties)> OfType(string type) =>
        [.. Resources.Where(r => (string?)r.Value!["Type"] == type).Select(r => (r.Key, r.Value!["Properties"]?.AsObject() ?? []))];

    public (string Id, JsonObject Properties) Single(string type) => Assert.Single(OfType(type));

    public string TypeOf(string logicalId) => (string)Resources[logicalId]!["Type"]!;

    public JsonObject PropertiesOf(string logicalId) => Resources[logicalId]!["Properties"]!.AsObject();

    /// <summary>The logical id in <c>{"Ref": id}</c>.</summary>
    public static string Ref(JsonNode? node) =>
        node is JsonObject { Count: 1 } o && o["Ref"] is JsonValue v ? (string)v! : throw new Xunit.Sdk.XunitException($"Not a Ref: {node?.ToJsonString()}");

    /// <summary>The (logical id, attribute) in <c>{"Fn::GetAtt": [id, attribute]}</c>.</summary>
    public static (string Id, string Attribute) GetAtt(JsonNode? node) =>
        node is JsonObject { Count: 1 } o && o["Fn::GetAtt"] is JsonArray { Count: 2 } a
            ? ((string)a[0]!, (string)a[1]!)
            : throw new Xunit.Sdk.XunitException($"Not a GetAtt: {node?.ToJsonString()}");

    /// <summary>The parts of <c>{"Fn::Join": ["", parts]}</c>, or the value itself as one part.</summary>
    public static IReadOnlyList<JsonNode?> JoinParts(JsonNode? node) =>
        node is JsonObject o && o["Fn::Join"] is JsonArray { Count: 2 } join && (string?)join[0] == ""
            ? [.. join[1]!.AsArray()]
            : [node];

    /// <summary>The one container of the task definition whose container is named <paramref name="name"/>.</summary>
    public (string TaskDefinitionId, JsonObject Container) Container(string name)
    {
        var matches = OfType("AWS::ECS::TaskDefinition")
            .SelectMany(t => t.Properties["ContainerDefinitions"]!.AsArray().Select(c => (t.Id, Container: c!.AsObject())))
            .Where(t => (string?)t.Container["Name"] == name)
            .ToList();
        var match = Assert.Single(matches);
        return (match.Id, match.Container);
    }

    /// <summary>The ECS service running the task definition of container <paramref name="name"/>.</summary>
    public JsonObject ServiceOf(string name)
    {
        var (taskDefinitionId, _) = Container(name);
        return Assert.Single(OfType("AWS::ECS::Service"), s => Ref(s.Properties["TaskDefinition"]) == taskDefinitionId).Properties;
    }

    /// <summary>The IAM policy documents attached to the role with logical id <paramref name="roleId"/>.</summary>
    public IEnumerable<JsonObject> StatementsOf(string roleId) =>
        OfType("AWS::IAM::Policy")
            .Where(p => p.Properties["Roles"]!.AsArray().Any(r => Ref(r) == roleId))
            .SelectMany(p => p.Properties["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()));

    public static IReadOnlyList<string> Strings(JsonNode? node) => node switch
    {
        JsonArray array => [.. array.Select(n => (string)n!)],
        JsonValue value => [(string)value!],
        _ => [],
    };

    public static Dictionary<string, JsonNode?> NameValues(JsonNode? array, string valueKey) =>
        (array?.AsArray() ?? []).ToDictionary(e => (string)e!["Name"]!, e => e![valueKey]?.DeepClone());
}
