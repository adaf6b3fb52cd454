using System.Text.Json;
using System.Text.Json.Nodes;
using ShopFloor.Shopify.Client;

namespace ShopFloor.Shopify.Orders;

/// <summary>
/// Reads one order whole, however large. The <c>Order</c> document holds a usual order in one call at a small actual
/// cost — the store's rate limit is shared by every order a sale brings. Shipments are read only when the order has
/// some; a full first page of line items or fulfillment orders is read again whole, page by page; the lines of
/// fulfillment orders only when there are several (with one, every line ships from it); shipments past 9 and lines
/// past a page are read page by page and joined in, so the order sync sees the order complete.
/// </summary>
public sealed class OrderReader(ShopifyAdminClient shopify)
{
    /// <summary>The order as the <c>Order</c> query shapes it, with "fulfillments" added; null when Shopify has no such order.</summary>
    public async Task<JsonElement?> ReadAsync(ShopifyCredentials credentials, string orderId, CancellationToken ct)
    {
        var node = (await shopify.SendAsync(credentials, Operations.Order, new { id = orderId }, ct)).GetProperty("order");
        if (node.ValueKind != JsonValueKind.Object)
            return null;
        var order = JsonNode.Parse(node.GetRawText())!.AsObject();
        var lineItems = order["lineItems"]!.AsObject();
        if (lineItems["nodes"]!.AsArray().Count >= Operations.LineItemsPerRead)
            await ReadWholeAsync(credentials, orderId, lineItems, Operations.OrderLineItemsPage, "order.lineItems", ct);
        var fulfillmentOrders = order["fulfillmentOrders"]!.AsObject();
        if (fulfillmentOrders["nodes"]!.AsArray().Count >= Operations.FulfillmentOrdersPerRead)
            await ReadWholeAsync(credentials, orderId, fulfillmentOrders, Operations.OrderFulfillmentOrdersPage, "order.fulfillmentOrders", ct);
        var several = fulfillmentOrders["nodes"]!.AsArray().OfType<JsonObject>().ToList();
        if (several.Count > 1)
            foreach (var fulfillmentOrder in several)
            {
                fulfillmentOrder["lineItems"] = new JsonObject { ["nodes"] = new JsonArray() };
                await ReadWholeAsync(credentials, (string)fulfillmentOrder["id"]!, fulfillmentOrder["lineItems"]!.AsObject(),
                    Operations.FulfillmentOrderLineItemsPage, "fulfillmentOrder.lineItems", ct);
            }
        order["fulfillments"] = (string?)order["displayFulfillmentStatus"] is null or "UNFULFILLED"
            ? new JsonArray()
            : await FulfillmentsAsync(credentials, orderId, ct);
        return JsonSerializer.SerializeToElement(order);
    }

    private async Task<JsonArray> FulfillmentsAsync(ShopifyCredentials credentials, string orderId, CancellationToken ct)
    {
        var order = (await shopify.SendAsync(credentials, Operations.OrderFulfillments, new { id = orderId }, ct)).GetProperty("order");
        if (order.ValueKind != JsonValueKind.Object)
            return [];
        var fulfillments = JsonNode.Parse(order.GetProperty("fulfillments").GetRawText())!.AsArray();
        if (fulfillments.Count == Operations.FulfillmentsPerRead)
        {
            var known = fulfillments.Select(f => (string)f!["id"]!).ToHashSet();
            var all = (await shopify.SendAsync(credentials, Operations.OrderFulfillmentIds, new { id = orderId }, ct)).GetProperty("order").GetProperty("fulfillments");
            foreach (var id in all.EnumerateArray().Select(f => f.GetProperty("id").GetString()!).Where(id => !known.Contains(id)))
            {
                var more = (await shopify.SendAsync(credentials, Operations.FulfillmentLineItemsPage, new { id, after = (string?)null }, ct)).GetProperty("fulfillment");
                if (more.ValueKind == JsonValueKind.Object)
                    fulfillments.Add(JsonNode.Parse(more.GetRawText()));
            }
        }
        foreach (var fulfillment in fulfillments.OfType<JsonObject>())
            await CompleteAsync(credentials, (string)fulfillment["id"]!, fulfillment["fulfillmentLineItems"]!.AsObject(),
                Operations.FulfillmentLineItemsPage, "fulfillment.fulfillmentLineItems", ct);
        return fulfillments;
    }

    /// <summary>Replaces the connection's nodes with all of them, read from the first page on.</summary>
    private async Task ReadWholeAsync(ShopifyCredentials credentials, string id, JsonObject connection, GraphQLOperation page, string path, CancellationToken ct)
    {
        var nodes = new JsonArray();
        await foreach (var (items, _) in shopify.ReadAsync(credentials, page, path, new Dictionary<string, object?> { ["id"] = id }, null, ct))
            foreach (var node in items)
                nodes.Add(JsonNode.Parse(node.GetRawText()));
        connection["nodes"] = nodes;
    }

    /// <summary>Appends the connection's further pages to its nodes.</summary>
    private async Task CompleteAsync(ShopifyCredentials credentials, string id, JsonObject connection, GraphQLOperation nextPage, string path, CancellationToken ct)
    {
        var info = connection["pageInfo"]!;
        if (!(bool)info["hasNextPage"]!)
            return;
        var nodes = connection["nodes"]!.AsArray();
        await foreach (var (page, _) in shopify.ReadAsync(credentials, nextPage, path, new Dictionary<string, object?> { ["id"] = id }, (string?)info["endCursor"], ct))
            foreach (var node in page)
                nodes.Add(JsonNode.Parse(node.GetRawText()));
        connection["pageInfo"] = new JsonObject { ["hasNextPage"] = false, ["endCursor"] = null };
    }
}
