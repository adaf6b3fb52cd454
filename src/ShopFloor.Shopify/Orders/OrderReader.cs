using System.Text.Json;
using System.Text.Json.Nodes;
using ShopFloor.Shopify.Client;

namespace ShopFloor.Shopify.Orders;

/// <summary>
/// Reads one order whole, however large: the <c>Order</c> and <c>OrderFulfillments</c> documents hold nearly every
/// order in two calls; line items past 50, fulfillment orders past 5, lines of a fulfillment order or a shipment past
/// a page, and shipments past 9 are read page by page and joined in, so the order sync sees the order complete.
/// </summary>
public sealed class OrderReader(ShopifyAdminClient shopify)
{
    /// <summary>The order as the <c>Order</c> query shapes it, with "fulfillments" added; null when Shopify has no such order.</summary>
    public async Task<JsonElement?> ReadAsync(ShopifyCredentials credentials, string orderId, CancellationToken ct)
    {
        // Both documents are asked for at once: one round trip to Shopify less on every order.
        var fulfillments = FulfillmentsAsync(credentials, orderId, ct);
        var node = (await shopify.SendAsync(credentials, Operations.Order, new { id = orderId }, ct)).GetProperty("order");
        if (node.ValueKind != JsonValueKind.Object)
        {
            await fulfillments;
            return null;
        }
        var order = JsonNode.Parse(node.GetRawText())!.AsObject();
        await CompleteAsync(credentials, orderId, order["lineItems"]!.AsObject(), Operations.OrderLineItemsPage, "order.lineItems", ct);
        var fulfillmentOrders = order["fulfillmentOrders"]!.AsObject();
        await CompleteAsync(credentials, orderId, fulfillmentOrders, Operations.OrderFulfillmentOrdersPage, "order.fulfillmentOrders", ct);
        foreach (var fulfillmentOrder in fulfillmentOrders["nodes"]!.AsArray().OfType<JsonObject>())
            await CompleteAsync(credentials, (string)fulfillmentOrder["id"]!, fulfillmentOrder["lineItems"]!.AsObject(),
                Operations.FulfillmentOrderLineItemsPage, "fulfillmentOrder.lineItems", ct);
        order["fulfillments"] = await fulfillments;
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
