using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Data;
using ShopFloor.Core.Sales;
using ShopFloor.WooCommerce.Client;
using ShopFloor.WooCommerce.Connection;
using ShopFloor.WooCommerce.Orders;

namespace ShopFloor.WooCommerce.Fulfillments;

/// <summary>
/// R-SYNC-3, ShopFloor → WooCommerce: an order delivered in full in ShopFloor is marked completed in its store
/// (WooCommerce has no partial shipments), and its deliveries are linked to that, so the order.updated webhook that
/// follows is recognised, not delivered twice.
/// </summary>
public sealed class WooDeliveryChannel(ShopFloorDbContext db, WooClient woo, WooKeys keys, SyncLogWriter log) : IDeliveryChannel
{
    public string Channel => WooChannel.Name;

    public async Task PushAsync(long salesOrderId, CancellationToken ct)
    {
        var link = await db.Set<WooOrderLink>().FirstOrDefaultAsync(l => l.SalesOrderId == salesOrderId, ct);
        var order = await db.Set<SalesOrder>().Include(o => o.Fulfillments).FirstOrDefaultAsync(o => o.Id == salesOrderId, ct);
        if (link is null || order is not { Status: SalesOrderStatus.Delivered })
            return;
        var store = await db.Set<WooStore>().FirstAsync(s => s.Id == link.StoreId, ct);
        if (!store.Syncing || !store.Settings.DeliveriesToStore)
            return;
        var storeOrder = await woo.GetAsync<WooOrder>(keys.CredentialsOf(store), $"orders/{link.WooOrderId}", ct);
        if (storeOrder.Status != "completed")
        {
            storeOrder = await woo.WriteAsync<WooOrder>(keys.CredentialsOf(store), HttpMethod.Put, $"orders/{link.WooOrderId}", new { status = "completed" }, ct);
            await log.OutAsync(WooChannel.Store(store.Id), SyncSubject.Fulfillment, SyncOutcome.Ok,
                $"{order.OrderNo} delivered in ShopFloor: marked completed in the store", order.OrderNo, ct);
        }
        foreach (var fulfillment in order.Fulfillments.Where(f => f.Status == FulfillmentStatus.Delivered && f.StoreFulfillmentId is null))
            fulfillment.StoreFulfillmentId = $"woo-order-{link.WooOrderId}";
        link.CompletedInStore = true;
        if (storeOrder.ModifiedAt > link.AppliedVersion)
            link.AppliedVersion = storeOrder.ModifiedAt;
        await db.SaveChangesAsync(ct);
    }
}
