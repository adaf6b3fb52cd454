using System.Text;
using System.Text.Json.Nodes;

namespace ShopFloor.ShopifyEmulator.Bulk;

/// <summary>
/// Turns the data of a bulk query into Shopify's JSONL: one object per line, each node of a nested connection on
/// a line of its own that names its parent in <c>__parentId</c>, parents before their children.
/// </summary>
public static class BulkJsonl
{
    public static (string Jsonl, int Objects, int RootObjects) From(JsonObject data)
    {
        var lines = new StringBuilder();
        var (objects, roots) = (0, 0);
        foreach (var (_, value) in data)
            foreach (var node in Nodes(value as JsonObject))
            {
                roots++;
                objects += Emit(node, null, lines);
            }
        return (lines.ToString(), objects, roots);
    }

    private static int Emit(JsonObject node, string? parentId, StringBuilder lines)
    {
        var children = new List<JsonObject>();
        var line = Strip(node, children);
        if (parentId is not null)
            line["__parentId"] = parentId;
        lines.Append(line.ToJsonString()).Append('\n');
        var id = node["id"]?.GetValue<string>();
        return 1 + children.Sum(child => Emit(child, id, lines));
    }

    /// <summary>A copy of the object without its connections, whose nodes are collected as children.</summary>
    private static JsonObject Strip(JsonObject source, List<JsonObject> children)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in source)
        {
            if (value is JsonObject inner && IsConnection(inner))
                children.AddRange(Nodes(inner));
            else if (value is JsonObject nested)
                copy[key] = Strip(nested, children);
            else
                copy[key] = value?.DeepClone();
        }
        return copy;
    }

    private static bool IsConnection(JsonObject value) => value.ContainsKey("edges") || value.ContainsKey("nodes");

    private static IEnumerable<JsonObject> Nodes(JsonObject? connection)
    {
        if (connection is null)
            return [];
        if (connection["nodes"] is JsonArray nodes)
            return nodes.OfType<JsonObject>();
        return (connection["edges"] as JsonArray ?? []).OfType<JsonObject>().Select(e => e["node"]).OfType<JsonObject>();
    }
}
