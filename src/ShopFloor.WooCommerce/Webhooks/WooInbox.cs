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
                return await ProductChangedAsync(store, id, ct);
            default:
                return new(DeliveryStatus.Skipped, $"{delivery.Topic} is not a topic ShopFloor acts on", store.Id);
        }
    }

    /// <summary>
    /// R-IMP-2 kept true between imports: the product's SKUs linked again (an item whose SKU changed follows it, and
    /// gets ShopFloor's figure), then stock the store shows above ShopFloor's set back.
    /// </summary>
    private async Task<DeliveryResult> ProductChangedAsync(WooStore store, long id, CancellationToken ct)
    {
        var report = await skus.RefreshAsync(store, ct, onlyProduct: id);
        var channelStore = WooChannel.Store(store.Id);
        foreach (var link in report.Relinked)
            await log.InAsync(channelStore, SyncSubject.Product, SyncOutcome.Ok, $"{link.Sku} in the store now syncs with ShopFloor's {link.Sku}", link.Sku, ct);
        foreach (var sku in report.Unlinked)
            await log.InAsync(channelStore, SyncSubject.Product, SyncOutcome.Ok, $"{sku} no longer syncs: its SKU changed or it was removed in the store", sku, ct);
        foreach (var sku in report.UnknownSkus)
            await log.InAsync(channelStore, SyncSubject.Product, SyncOutcome.NeedsAction,
                $"SKU {sku} is not a ShopFloor variant, so it does not sync; create it in ShopFloor or run the product import", sku, ct);
        if (!store.Settings.InventorySync)
            return new(DeliveryStatus.Done, $"product {id}: SKUs linked {report.Linked}", store.Id);
        var sent = report.Relinked.Count > 0 ? await stock.PushAsync(store, report.Relinked, force: true, ct) : new WooPushReport(0, 0, 0);
        var corrected = await stock.CorrectAsync(store, id, ct);
        await db.SaveChangesAsync(ct);
        if (corrected.Sent > 0)
            await log.OutAsync(channelStore, SyncSubject.Stock, SyncOutcome.Ok,
                $"product {id} showed more stock than ShopFloor has: {corrected.Sent} levels set back", $"product {id}", ct);
        return new(DeliveryStatus.Done, $"product {id}: SKUs linked {report.Linked}, newly linked sent {sent.Sent}, levels set back to ShopFloor's {corrected.Sent}", store.Id);
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
