using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.Inbox;
using ShopFloor.Core.Data;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Mapping;
using ShopFloor.Shopify.Orders;
using ShopFloor.Shopify.Returns;
using ShopFloor.Shopify.Sync;

namespace ShopFloor.Shopify.Webhooks;


/// <summary>
/// What each topic means for ShopFloor. A body only says which resource changed: the resource itself is read from
/// Shopify, so order topics all lead to the same idempotent order refresh, locations/* to reading the locations,
/// products/* and inventory_items/* to reading the product's variants.
/// </summary>
public sealed class WebhookRouter(
    ShopFloorDbContext db, StoreConnections connections, OrderSync orders, ReturnSync returns, LocationSync locations, ProductSync products)
{
    public async Task<DeliveryResult> HandleAsync(InboxDelivery delivery, CancellationToken ct)
    {
        if (delivery.Topic == "app/uninstalled")
        {
            return await connections.UninstalledAsync(delivery.StoreKey, ct)
                ? new(DeliveryStatus.Done, "the app was uninstalled; the store is disconnected")
                : new(DeliveryStatus.Skipped, "app/uninstalled, but Shopify still accepts ShopFloor's token: nothing was changed");
        }
        var store = await db.Set<ShopifyStore>().AsNoTracking().FirstOrDefaultAsync(s => s.ShopDomain == delivery.StoreKey, ct);
        if (store is null || !store.IsAuthorized)
            return new(DeliveryStatus.Skipped, "the store is not connected");
        if (!store.SyncActive)
            return new(DeliveryStatus.Skipped, "sync is not active", store.Id);

        using var body = JsonDocument.Parse(delivery.Body);
        var payload = body.RootElement;
        var resource = delivery.Topic.Split('/')[0];
        OrderSyncResult result;
        switch (resource)
        {
            case "orders":
                result = await orders.RefreshAsync(store, Gid("Order", payload.GetProperty("id")), UpdatedAt(payload), ct);
                break;
            case "fulfillments" or "refunds":
                result = await orders.RefreshAsync(store, Gid("Order", payload.GetProperty("order_id")), null, ct);
                break;
            case "returns":
                // Only the return's id is taken from the body; what the return is, ShopFloor reads from Shopify.
                result = await returns.ApplyAsync(store, Gid("Return", payload.GetProperty("admin_graphql_api_id").ValueKind == JsonValueKind.String
                    ? payload.GetProperty("admin_graphql_api_id") : payload.GetProperty("id")), ct);
                break;
            case "locations":
                return new(DeliveryStatus.Done, await locations.RefreshAsync(store.Id, ct), store.Id);
            case "products":
                return new(DeliveryStatus.Done, await products.RefreshAsync(store, Gid("Product", payload.GetProperty("id")), ct), store.Id);
            case "inventory_items":
                return await products.ProductOfItemAsync(store, Gid("InventoryItem", payload.GetProperty("id")), ct) is { } productId
                    ? new(DeliveryStatus.Done, await products.RefreshAsync(store, productId, ct), store.Id)
                    : new(DeliveryStatus.Skipped, "the inventory item belongs to no product ShopFloor knows", store.Id);
            default:
                return new(DeliveryStatus.Skipped, $"{delivery.Topic} is not a topic ShopFloor acts on", store.Id);
        }
        return new(result.Applied ? DeliveryStatus.Done : DeliveryStatus.Skipped, result.Outcome, store.Id);
    }

    /// <summary>
    /// The order a delivery leads to reading (orders/*, fulfillments/*, refunds/*), or null. Deliveries of one batch
    /// naming the same order need one read: it sees everything they announce.
    /// </summary>
    public static string? OrderOf(InboxDelivery delivery)
    {
        var resource = delivery.Topic.Split('/')[0];
        if (resource is not ("orders" or "fulfillments" or "refunds"))
            return null;
        try
        {
            using var body = JsonDocument.Parse(delivery.Body);
            return body.RootElement.TryGetProperty(resource == "orders" ? "id" : "order_id", out var id)
                ? $"{delivery.StoreKey} {Gid("Order", id)}"
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Gid(string type, JsonElement id) =>
        id.ValueKind == JsonValueKind.String && id.GetString()!.StartsWith("gid://", StringComparison.Ordinal)
            ? id.GetString()!
            : $"gid://shopify/{type}/{id.GetRawText().Trim('"')}";

    private static DateTime? UpdatedAt(JsonElement payload) =>
        payload.TryGetProperty("updated_at", out var value) && value.ValueKind == JsonValueKind.String && value.TryGetDateTime(out var at)
            ? at.ToUniversalTime()
            : null;
}
