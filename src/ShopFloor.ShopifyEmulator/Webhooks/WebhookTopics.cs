namespace ShopFloor.ShopifyEmulator.Webhooks;

/// <summary>GraphQL's topic enum (ORDERS_CREATE) to the topic header and REST name (orders/create).</summary>
public static class WebhookTopics
{
    private static readonly string[] Resources =
    [
        "inventory_levels", "inventory_items", "fulfillment_orders", "fulfillment_events", "order_transactions",
        "bulk_operations", "fulfillments", "customers", "locations", "products", "refunds", "returns", "orders", "app",
    ];

    public static string ToRest(string graphQlTopic)
    {
        var lower = graphQlTopic.ToLowerInvariant();
        var resource = Resources.FirstOrDefault(r => lower.StartsWith(r + "_", StringComparison.Ordinal));
        return resource is null ? lower : $"{resource}/{lower[(resource.Length + 1)..]}";
    }
}
