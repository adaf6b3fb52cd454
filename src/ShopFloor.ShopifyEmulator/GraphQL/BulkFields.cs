using System.Globalization;
using GraphQL;
using ShopFloor.ShopifyEmulator.Bulk;
using ShopFloor.ShopifyEmulator.Store;

namespace ShopFloor.ShopifyEmulator.GraphQL;

/// <summary>bulkOperationRunQuery, currentBulkOperation, bulkOperation(id) and node(id) for bulk operations.</summary>
internal static class BulkFields
{
    public static void AddTo(Node root, Shop shop, BulkOperations bulk, string baseUrl)
    {
        Node Operation(BulkOperation o) => new Node("BulkOperation")
            .With("id", Gid.Of("BulkOperation", o.Id))
            .With("status", o.Status)
            .With("type", "QUERY")
            .With("query", o.Query)
            .With("errorCode", o.ErrorCode)
            .With("objectCount", o.ObjectCount.ToString(CultureInfo.InvariantCulture))
            .With("rootObjectCount", o.RootObjectCount.ToString(CultureInfo.InvariantCulture))
            .With("fileSize", o.Result?.Length.ToString(CultureInfo.InvariantCulture))
            .With("url", o.Result is null ? null : $"{baseUrl}/_emulator/bulk/{o.Id}.jsonl")
            .With("partialDataUrl", (object?)null)
            .With("createdAt", CatalogNodes.Time(o.CreatedAt))
            .With("completedAt", o.CompletedAt is { } done ? CatalogNodes.Time(done) : null);

        root.With("bulkOperationRunQuery", ctx => RunAsync(ctx));
        root.With("currentBulkOperation", _ => bulk.Current(shop) is { } o ? Operation(o) : null);
        root.With("bulkOperation", ctx => Gid.TryId(ctx.GetArgument<string>("id"), "BulkOperation", out var id) && bulk.Find(id) is { } o ? Operation(o) : null);
        root.With("node", ctx => Gid.TryId(ctx.GetArgument<string>("id"), "BulkOperation", out var id) && bulk.Find(id) is { } o ? Operation(o) : null);

        async Task<object?> RunAsync(IResolveFieldContext ctx)
        {
            var query = ctx.GetArgument<string>("query");
            if (BulkOperations.Refusal(query) is { } refusal)
                return new Node("BulkOperationRunQueryPayload").With("bulkOperation", (object?)null)
                    .With("userErrors", new[] { Inputs.UserError("BulkOperationUserError", ["query"], refusal, "INVALID") });
            var operation = await bulk.RunAsync(shop, query, root, ctx.CancellationToken);
            return new Node("BulkOperationRunQueryPayload").With("bulkOperation", Operation(operation)).With("userErrors", Array.Empty<Node>());
        }
    }

    /// <summary>Bulk queries page nothing: every connection returns all its items.</summary>
    public static bool IsBulk(IResolveFieldContext context) =>
        context.UserContext.TryGetValue(BulkOperations.UserContextKey, out var bulk) && bulk is true;
}
