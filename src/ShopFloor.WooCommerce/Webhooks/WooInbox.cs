using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.Inbox;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Data;
using ShopFloor.WooCommerce.Connection;
using ShopFloor.WooCommerce.Mapping;
using ShopFloor.WooCommerce.Orders;
using ShopFloor.WooCommerce.Stock;

namespace ShopFloor.WooCommerce.Webhooks;

/// <summary>
/// WooCommerce's deliveries in the inbox. A body only says which resource changed: order topics lead to reading the
/// order from the store, product.updated to reading that product's SKUs and stock again.
/// </summary>
public sealed class WooInbox(ShopFloorDbContext db, WooOrderSync orders, SkuLinks skus, WooStockPush stock, SyncLogWriter log) : IInboxChannel
{
    public string Channel => WooChannel.Name;

    /// <summary>The inbox's store key of a WooCommerce store: its id in ShopFloor (the webhook address names it).</summary>
    public static string StoreKey(long storeId) => storeId.ToString(CultureInfo.InvariantCulture);

    public string? ResourceOf(InboxDelivery delivery) =>
        delivery.Topic.StartsWith("order.", StringComparison.Ordinal) && IdOf(delivery) is { } id ? $"{delivery.StoreKey} order {id}" : null;

    public async Task<DeliveryResult> HandleAsync(InboxDelivery delivery, CancellationToken ct)
    {
        var storeId = long.Parse(delivery.StoreKey, CultureInfo.InvariantCulture);
        var store = await db.Set<WooStore>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, ct);
        if (store is not { SyncActive: true })
            return new(DeliveryStatus.Skipped, "the store is not connected");
        if (store.SyncPaused)
            return new(DeliveryStatus.Skipped, "sync is paused; the catch-up reads the store's orders when it resumes", store.Id);
        if (IdOf(delivery) is not { } id)
            return new(DeliveryStatus.Skipped, "the body names no resource", store.Id);
        switch (delivery.Topic)
        {
            case "order.created" or "order.updated" or "order.restored" or "order.deleted":
                var result = await orders.RefreshAsync(store, id, ct);
                return new(result.Applied ? DeliveryStatus.Done : DeliveryStatus.Skipped, result.Outcome, store.Id);
            case "product.created" or "product.updated" or "product.restored":
                var report = await skus.RefreshAsync(store, ct, onlyProduct: id);
                var corrected = store.Settings.InventorySync ? await stock.CorrectAsync(store, id, ct) : new WooPushReport(0, 0, 0);
                await db.SaveChangesAsync(ct);
                if (corrected.Sent > 0)
                    await log.OutAsync(WooChannel.Store(store.Id), SyncSubject.Stock, SyncOutcome.Ok,
                        $"product {id} showed more stock than ShopFloor has: {corrected.Sent} levels set back", $"product {id}", ct);
                return new(DeliveryStatus.Done, $"product {id}: SKUs linked {report.Linked}, levels set back to ShopFloor's {corrected.Sent}", store.Id);
            default:
                return new(DeliveryStatus.Skipped, $"{delivery.Topic} is not a topic ShopFloor acts on", store.Id);
        }
    }

    public Task GivenUpAsync(InboxDelivery delivery, string message, bool needsAction, CancellationToken ct) =>
        log.InAsync(WooChannel.Store(long.Parse(delivery.StoreKey, CultureInfo.InvariantCulture)), SyncSubject.Webhook,
            needsAction ? SyncOutcome.NeedsAction : SyncOutcome.Failed, $"{delivery.Topic}: {message}", delivery.WebhookId, ct);

    private static long? IdOf(InboxDelivery delivery)
    {
        try
        {
            using var body = JsonDocument.Parse(delivery.Body);
            return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("id", out var id) && id.TryGetInt64(out var value)
                ? value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
