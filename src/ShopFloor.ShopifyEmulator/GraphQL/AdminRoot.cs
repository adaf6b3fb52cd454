using ShopFloor.ShopifyEmulator.Store;
using ShopFloor.ShopifyEmulator.Webhooks;

namespace ShopFloor.ShopifyEmulator.GraphQL;

/// <summary>The root object of one request: every QueryRoot and Mutation field the emulator implements.</summary>
internal static class AdminRoot
{
    public static Node For(Shop shop, string version, WebhookDispatcher webhooks, OrderBook orders, OrderChanges changes, LocationChanges locations, Bulk.BulkOperations bulk, string baseUrl, DateTime now)
    {
        var root = new Node("QueryRoot");
        QueryFields.AddTo(root, shop);
        CatalogMutations.AddTo(root, shop, webhooks, now);
        LocationMutations.AddTo(root, shop, version, locations, now);
        InventoryMutations.AddTo(root, shop, version, webhooks, now);
        WebhookMutations.AddTo(root, shop, now);
        OrderFields.AddTo(root, shop);
        OrderMutations.AddTo(root, shop, orders, now);
        EditAndReturnMutations.AddTo(root, shop, version, changes, now);
        BulkFields.AddTo(root, shop, bulk, baseUrl);
        return root;
    }
}
