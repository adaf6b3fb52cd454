using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ShopFloor.Shopify.Client;

/// <summary>Cursor pagination over one connection of a query, a page at a time, resumable from a cursor.</summary>
public static class Pages
{
    public static IAsyncEnumerable<(IReadOnlyList<JsonElement> Nodes, string? Cursor)> ReadAsync(
        this ShopifyAdminClient client, ShopifyCredentials store, GraphQLOperation operation, string connection, string? after, CancellationToken ct) =>
        client.ReadAsync(store, operation, connection, new Dictionary<string, object?>(), after, ct);

    /// <summary>
    /// With the query's other variables; <c>after</c> is added to them page by page. A nested connection is named
    /// by its path ("product.variants"); an object on the way that is null (deleted) reads as no nodes.
    /// </summary>
    public static async IAsyncEnumerable<(IReadOnlyList<JsonElement> Nodes, string? Cursor)> ReadAsync(
        this ShopifyAdminClient client, ShopifyCredentials store, GraphQLOperation operation, string connection,
        IReadOnlyDictionary<string, object?> variables, string? after, [EnumeratorCancellation] CancellationToken ct)
    {
        while (true)
        {
            var page = await client.SendAsync(store, operation, new Dictionary<string, object?>(variables) { ["after"] = after }, ct);
            foreach (var step in connection.Split('.'))
                page = page.ValueKind == JsonValueKind.Object ? page.GetProperty(step) : page;
            if (page.ValueKind != JsonValueKind.Object)
                yield break;
            var info = page.GetProperty("pageInfo");
            after = info.GetProperty("endCursor").GetString();
            yield return (page.GetProperty("nodes").EnumerateArray().ToList(), after);
            if (!info.GetProperty("hasNextPage").GetBoolean())
                yield break;
        }
    }
}
