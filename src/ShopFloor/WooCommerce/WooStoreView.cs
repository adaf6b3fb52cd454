using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels;
using ShopFloor.Core.Channels.Links;
using ShopFloor.Core.Data;
using ShopFloor.Core.Sales;
using ShopFloor.WooCommerce.Connection;
using ShopFloor.WooCommerce.Mapping;
using ShopFloor.WooCommerce.Orders;

namespace ShopFloor.WooCommerce;

public sealed record WooStoreSummary(long Id, string Name, string Url, bool SyncActive, bool SyncPaused, WooStoreSettings Settings, string Location)
{
    public StoreState State => WooStore.StateOf(SyncActive, SyncPaused);
}

/// <param name="WooItemId">The variation, or the simple product itself.</param>
public sealed record WooLinkLine(string Sku, string Item, string WooProductId, string WooItemId, int? PushedQuantity)
{
    public string StoreIds => WooItemId == WooProductId ? WooProductId : $"{WooProductId} / {WooItemId}";
}

public sealed record WooOrderLine(long WooOrderId, long? SalesOrderId, string? OrderNo, SalesOrderStatus? Status, bool Cancelled, DateTime AppliedVersion);

/// <summary>What the WooCommerce pages show: the stores, one store's linked products and its orders.</summary>
public sealed class WooStoreView(ShopFloorDbContext db)
{
    public Task<List<WooStoreSummary>> AllAsync(CancellationToken ct) =>
        (from s in db.Set<WooStore>().AsNoTracking()
         join l in db.Locations on s.LocationId equals l.Id
         orderby s.Id
         select new WooStoreSummary(s.Id, s.Name, s.Url, s.SyncActive, s.SyncPaused, s.Settings, l.Name)).ToListAsync(ct);

    public async Task<WooStoreSummary?> HeaderAsync(long storeId, CancellationToken ct) =>
        (await AllAsync(ct)).FirstOrDefault(s => s.Id == storeId);

    public Task<List<WooLinkLine>> LinksAsync(long storeId, CancellationToken ct) =>
        (from link in db.LinksOf(WooChannel.Store(storeId)).AsNoTracking()
         join v in db.Variants on link.VariantId equals v.Id
         orderby link.Sku
         select new WooLinkLine(link.Sku, v.Item.Name, link.StoreProductId, link.StoreItemId, link.PushedQuantity)).Take(500).ToListAsync(ct);

    public async Task<List<WooOrderLine>> OrdersAsync(long storeId, CancellationToken ct) =>
        (await (from link in db.Set<WooOrderLink>().AsNoTracking()
                join o in db.Set<SalesOrder>() on link.SalesOrderId equals o.Id into sales
                from o in sales.DefaultIfEmpty()
                where link.StoreId == storeId
                orderby link.WooOrderId descending
                select new
                {
                    link.WooOrderId, link.SalesOrderId, OrderNo = o == null ? null : o.OrderNo, Status = o == null ? (SalesOrderStatus?)null : o.Status,
                    Cancelled = o != null && o.IsCancelled, link.AppliedVersion
                }).Take(100).ToListAsync(ct))
        .Select(o => new WooOrderLine(o.WooOrderId, o.SalesOrderId, o.OrderNo, o.Status, o.Cancelled, o.AppliedVersion)).ToList();
}
