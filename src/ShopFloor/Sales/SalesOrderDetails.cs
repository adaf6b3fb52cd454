using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Data;
using ShopFloor.Core.Making;
using ShopFloor.Core.Returns;
using ShopFloor.Core.Sales;
using ShopFloor.Shopify.Connection;

namespace ShopFloor.Sales;

/// <summary>A sales order with what its page shows beside it: names, the orders making its rows, its returns, its Shopify link.</summary>
public sealed record SalesOrderDetail(
    SalesOrder Order, string? Customer, string Location, Dictionary<long, string> ItemNames, Dictionary<long, ManufacturingOrder> Making,
    List<SalesReturn> Returns, string? ShopifyAdminUrl);

/// <summary>The sales order page's read.</summary>
public sealed class SalesOrderDetails(ShopFloorDbContext db, SalesOrders salesOrders)
{
    public async Task<SalesOrderDetail> OfAsync(long id, CancellationToken ct)
    {
        var order = await salesOrders.LoadAsync(id, ct);
        var variants = order.Rows.Select(r => r.VariantId).OfType<long>().ToList();
        var making = order.Rows.Select(r => r.LinkedManufacturingOrderId).OfType<long>().ToList();
        var domain = order.StoreId is { } storeId
            ? await db.Set<ShopifyStore>().Where(st => st.Id == storeId).Select(st => st.ShopDomain).FirstOrDefaultAsync(ct)
            : null;
        return new SalesOrderDetail(order,
            await db.Customers.Where(c => c.Id == order.CustomerId).Select(c => c.Name).FirstOrDefaultAsync(ct),
            await db.Locations.Where(l => l.Id == order.LocationId).Select(l => l.Name).FirstAsync(ct),
            await db.Variants.Where(v => variants.Contains(v.Id))
                .Select(v => new { v.Id, Name = v.Item.Name + (v.Name == null ? "" : " · " + v.Name) + (v.Sku == null ? "" : " (" + v.Sku + ")") })
                .ToDictionaryAsync(v => v.Id, v => v.Name, ct),
            await db.Set<ManufacturingOrder>().AsNoTracking().Where(m => making.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct),
            await db.Set<SalesReturn>().AsNoTracking().Where(r => r.SalesOrderId == order.Id).OrderBy(r => r.Id).ToListAsync(ct),
            // Shopify's admin shows an order at its numeric id (the tail of gid://shopify/Order/123).
            domain is null || order.ShopifyOrderId is null ? null
                : $"https://{domain}/admin/orders/{order.ShopifyOrderId[(order.ShopifyOrderId.LastIndexOf('/') + 1)..]}");
    }
}
