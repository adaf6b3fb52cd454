using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ShopFloor.Shopify.Client;

/// <summary>Cursor pagination over one connection of a query, a page at a time, resumable from a cursor.</summary>
public static class Pages
{
    public static async IAsyncEnumerable<(IReadOnlyList<JsonElement> Nodes, string? Cursor)> ReadAsync(
        this ShopifyAdminClient client, ShopifyCredentials store, GraphQLOperation operation, string connection, string? after,
        [EnumeratorCancellation] CancellationToken ct)
    {
        while (true)
        {
            var page = (await client.SendAsync(store, operation, new { after }, ct)).GetProperty(connection);
            var info = page.GetProperty("pageInfo");
            after = info.GetProperty("endCursor").GetString();
            yield return (page.GetProperty("nodes").EnumerateArray().ToList(), after);
            if (!info.GetProperty("hasNextPage").GetBoolean())
                yield break;
        }
    }
}
