using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQLParser;
using GraphQLParser.AST;
using ShopFloor.ShopifyEmulator.GraphQL;
using ShopFloor.ShopifyEmulator.Store;
using ShopFloor.ShopifyEmulator.Webhooks;

namespace ShopFloor.ShopifyEmulator.Bulk;

public sealed class BulkOperation
{
    public required long Id { get; init; }
    public required string Query { get; init; }
    public string Status { get; set; } = "CREATED";
    public string? ErrorCode { get; set; }
    public int ObjectCount { get; set; }
    public int RootObjectCount { get; set; }
    public byte[]? Result { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime? CompletedAt { get; set; }
}

/// <summary>
/// bulkOperationRunQuery: the query runs over the whole store (connections are not paged), the result is a JSONL
/// file at <c>url</c>, and bulk_operations/finish is sent. Shopify's limits apply: at most 5 connections and
/// 2 levels of nesting, at least one connection.
/// </summary>
public sealed class BulkOperations(IDocumentExecuter executer, IGraphQLTextSerializer serializer, WebhookDispatcher webhooks, TimeProvider clock)
{
    public const string UserContextKey = "bulk";
    private const int MaxConnections = 5;
    private const int MaxDepth = 2;
    private readonly ConcurrentDictionary<long, BulkOperation> _operations = new();
    private readonly ConcurrentDictionary<string, BulkOperation> _current = new();

    public BulkOperation? Find(long id) => _operations.GetValueOrDefault(id);

    public BulkOperation? Current(Shop shop) => _current.GetValueOrDefault(shop.Domain);

    /// <summary>Checks the query; null when Shopify would accept it, else the reason.</summary>
    public static string? Refusal(string query)
    {
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query);
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException e)
        {
            return $"Invalid bulk query: {e.Description}";
        }
        var (connections, depth) = Connections(document.Definitions.OfType<GraphQLOperationDefinition>().First().SelectionSet, 0);
        return connections == 0 ? "Bulk queries must contain at least one connection."
            : connections > MaxConnections ? $"Bulk queries cannot contain more than {MaxConnections} connections."
            : depth > MaxDepth ? $"Bulk queries cannot contain connections with a nesting depth greater than {MaxDepth}."
            : null;
    }

    public async Task<BulkOperation> RunAsync(Shop shop, string query, Node root, CancellationToken ct)
    {
        var operation = new BulkOperation { Id = shop.NextId(), Query = query, CreatedAt = clock.GetUtcNow().UtcDateTime, Status = "RUNNING" };
        _operations[operation.Id] = operation;
        _current[shop.Domain] = operation;
        var result = await executer.ExecuteAsync(options =>
        {
            options.Schema = AdminSchema.Instance;
            options.Query = query;
            options.Root = root;
            options.UserContext = new Dictionary<string, object?> { [UserContextKey] = true };
            options.CancellationToken = ct;
        });
        if (result.Errors is { Count: > 0 } || result.Data is null)
        {
            operation.Status = "FAILED";
            operation.ErrorCode = "INTERNAL_SERVER_ERROR";
        }
        else
        {
            var data = JsonNode.Parse(serializer.Serialize(result))!["data"]!.AsObject();
            var (jsonl, objects, roots) = BulkJsonl.From(data);
            operation.Result = System.Text.Encoding.UTF8.GetBytes(jsonl);
            (operation.ObjectCount, operation.RootObjectCount) = (objects, roots);
            operation.Status = "COMPLETED";
        }
        operation.CompletedAt = clock.GetUtcNow().UtcDateTime;
        webhooks.Publish(shop, "bulk_operations/finish", new Dictionary<string, object?>
        {
            ["admin_graphql_api_id"] = Gid.Of("BulkOperation", operation.Id),
            ["completed_at"] = CatalogNodes.Time(operation.CompletedAt.Value),
            ["created_at"] = CatalogNodes.Time(operation.CreatedAt),
            ["error_code"] = operation.ErrorCode?.ToLowerInvariant(),
            ["status"] = operation.Status.ToLowerInvariant(),
            ["type"] = "query",
        });
        return operation;
    }

    private static (int Connections, int Depth) Connections(GraphQLSelectionSet? set, int depth)
    {
        var (count, deepest) = (0, depth);
        foreach (var field in set?.Selections.OfType<GraphQLField>() ?? [])
        {
            var isConnection = field.SelectionSet?.Selections.OfType<GraphQLField>().Any(f => f.Name.Value.ToString() is "edges" or "nodes") == true;
            var (inner, innerDepth) = Connections(field.SelectionSet, depth + (isConnection ? 1 : 0));
            count += inner + (isConnection ? 1 : 0);
            deepest = Math.Max(deepest, innerDepth);
        }
        return (count, deepest);
    }
}
