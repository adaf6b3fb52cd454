using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace ShopFloor.Tests.Api.Katana;

/// <summary>Katana's OpenAPI description (katana-openapi.yaml): its routes, response schemas and request examples.</summary>
public sealed partial class KatanaDescription
{
    private readonly JsonNode document = YamlJson.Read(Path.Combine(AppContext.BaseDirectory, "Api", "Katana", "katana-openapi.yaml"));

    public static KatanaDescription Instance { get; } = new();

    /// <summary>Every route, its path parameters written <c>{id}</c>.</summary>
    public IReadOnlyList<Route> Routes() =>
        document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(o => Methods.Contains(o.Key)).Select(o => new Route(o.Key.ToUpperInvariant(), Route.Normalise(p.Key))))
            .ToList();

    /// <summary>The schema of the JSON answer <paramref name="status"/> of a route, or null when Katana documents none.</summary>
    public JsonSchema? ResponseSchema(Route route, int status)
    {
        var response = Resolve(Operation(route)?["responses"]?[status.ToString()]);
        return response?["content"]?["application/json"]?["schema"] is { } schema ? Build(schema) : null;
    }

    /// <summary>One of the description's component schemas by name, such as WebhookEventPayload.</summary>
    public JsonSchema ComponentSchema(string name) => Build(new JsonObject { ["$ref"] = "#/components/schemas/" + name });

    /// <summary>The statuses Katana documents as a success of a route (2xx).</summary>
    public IReadOnlyList<int> SuccessStatuses(Route route) =>
        Operation(route)?["responses"]?.AsObject().Select(r => int.TryParse(r.Key, out var s) ? s : 0).Where(s => s is >= 200 and < 300).ToList() ?? [];

    /// <summary>The request body example of a route: the media type's, else its schema's.</summary>
    public JsonObject? RequestExample(Route route)
    {
        var content = Resolve(Operation(route)?["requestBody"])?["content"]?["application/json"];
        var example = content?["example"] ?? Resolve(content?["schema"])?["example"];
        return example?.DeepClone() as JsonObject;
    }

    public IEnumerable<string> Errors(JsonSchema schema, JsonElement instance)
    {
        var results = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid)
            yield break;
        foreach (var detail in results.Details ?? [])
            foreach (var (keyword, message) in detail.Errors ?? new Dictionary<string, string>())
                yield return $"{detail.InstanceLocation} ({keyword}): {message}";
    }

    private static readonly HashSet<string> Methods = ["get", "post", "patch", "put", "delete"];

    private JsonNode? Operation(Route route) =>
        document["paths"]!.AsObject().FirstOrDefault(p => Route.Normalise(p.Key) == route.Path).Value?[route.Method.ToLowerInvariant()];

    /// <summary>Follows a <c>$ref</c> inside the document.</summary>
    private JsonNode? Resolve(JsonNode? node)
    {
        while (node?["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/", StringComparison.Ordinal))
            node = reference[2..].Split('/').Aggregate<string, JsonNode?>(document, (at, part) => at?[part.Replace("~1", "/").Replace("~0", "~")]);
        return node;
    }

    /// <summary>A self-contained JSON Schema 2020-12: the schema, with every component schema under <c>$defs</c>.</summary>
    private JsonSchema Build(JsonNode schema)
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = document["components"]!["schemas"]!.DeepClone(),
            ["allOf"] = new JsonArray(schema.DeepClone()),
        };
        var text = ComponentRef().Replace(root.ToJsonString(), "\"$ref\":\"#/$defs/");
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() },
            new Uri($"https://katana.example/schema/{Guid.NewGuid():N}"));
    }

    [GeneratedRegex("\"\\$ref\":\"#/components/schemas/")]
    private static partial Regex ComponentRef();
}

public sealed partial record Route(string Method, string Path)
{
    public static string Normalise(string path) => Parameter().Replace(path, "{id}");

    public override string ToString() => $"{Method} {Path}";

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
