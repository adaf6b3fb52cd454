using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Data;
using ShopFloor.Core.Making;
using ShopFloor.Core.Sales;

namespace ShopFloor.Sales;

/// <summary>What the Sell screen asks for: open or done orders, a search, an availability filter and a sort.</summary>
public sealed record SellFilter(bool Done, string? Search, RowAvailability? Availability, string SortBy, bool Descending);

/// <summary>One line of the Sell screen: an order with its sales items', ingredients' and production's state.</summary>
public sealed record SellLine(
    long Id, string OrderNo, bool FromShopify, string? Customer, decimal Total, string? Currency, DateTime? DeliveryDate, SalesOrderStatus Status,
    long PriorityRank, RowAvailability Availability, string? Ingredients, string? Production, long? RowToMake);

/// <summary>The Sell screen's read: one page of orders, searched by order number, customer or SKU.</summary>
public sealed class SellList(ShopFloorDbContext db)
{
    public async Task<(List<SellLine> Lines, int Total)> PageAsync(SellFilter filter, int page, int size, CancellationToken ct)
    {
        var orders = db.Set<SalesOrder>().AsNoTracking()
            .Where(filter.Done ? SalesOrderLists.Done : SalesOrderLists.Open);
        if (filter.Search?.Trim() is { Length: > 0 } search)
            orders = orders.Where(o => o.OrderNo.Contains(search)
                                       || db.Customers.Any(c => c.Id == o.CustomerId && c.Name.Contains(search))
                                       || o.Rows.Any(r => db.Variants.Any(v => v.Id == r.VariantId && v.Sku != null && v.Sku.Contains(search))));
        if (filter.Availability is { } wanted)
            orders = wanted == RowAvailability.InStock
                ? orders.Where(o => o.Rows.Any(r => r.Availability == RowAvailability.InStock)
                                    && !o.Rows.Any(r => r.Availability == RowAvailability.Expected || r.Availability == RowAvailability.NotAvailable))
                : wanted == RowAvailability.Expected
                    ? orders.Where(o => o.Rows.Any(r => r.Availability == RowAvailability.Expected) && !o.Rows.Any(r => r.Availability == RowAvailability.NotAvailable))
                    : orders.Where(o => o.Rows.Any(r => r.Availability == wanted));
        var total = await orders.CountAsync(ct);
        var found = await Sorted(orders, filter).Skip(page * size).Take(size)
            .Select(o => new
            {
                o.Id, o.OrderNo, o.Source, o.Status, o.PriorityRank, o.Currency, o.DeliveryDate,
                Customer = db.Customers.Where(c => c.Id == o.CustomerId).Select(c => c.Name).FirstOrDefault(),
                Rows = o.Rows.Select(r => new { r.Id, r.Availability, r.LinkedManufacturingOrderId, r.Quantity, r.PricePerUnit }).ToList(),
            })
            .ToListAsync(ct);
        var orderIds = found.Select(o => o.Id).ToList();
        var making = await db.Set<ManufacturingOrder>().AsNoTracking().Include(m => m.Recipe).Include(m => m.Productions).AsSplitQuery()
            .Where(m => m.SalesOrderId != null && orderIds.Contains(m.SalesOrderId.Value)).ToListAsync(ct);
        var blocked = await new IngredientShortages(db).OfAsync(making, ct);
        var lines = found.Select(o =>
        {
            var mos = making.Where(m => m.SalesOrderId == o.Id).ToList();
            return new SellLine(o.Id, o.OrderNo, o.Source == SalesOrderSource.Shopify, o.Customer, o.Rows.Sum(r => r.Quantity * r.PricePerUnit), o.Currency,
                o.DeliveryDate, o.Status, o.PriorityRank, OrderAvailability.Of(o.Rows.Select(r => r.Availability)),
                mos.Count == 0 ? null : mos.Any(m => blocked.ContainsKey(m.Id)) ? "Missing" : "In stock",
                mos.Count == 0 ? null : Web.Labels.Of(mos.Min(m => m.Status == ManufacturingStatus.Done ? ManufacturingStatus.Done : m.Status)),
                o.Rows.FirstOrDefault(r => r.Availability == RowAvailability.NotAvailable && r.LinkedManufacturingOrderId == null)?.Id);
        }).ToList();
        return (lines, total);
    }

    /// <summary>Open orders by priority unless asked otherwise; done ones newest first.</summary>
    private IQueryable<SalesOrder> Sorted(IQueryable<SalesOrder> orders, SellFilter filter) => (filter.SortBy, filter.Descending) switch
    {
        ("order", false) => orders.OrderBy(o => o.Id),
        ("order", true) => orders.OrderByDescending(o => o.Id),
        ("deadline", false) => orders.OrderBy(o => o.DeliveryDate == null).ThenBy(o => o.DeliveryDate).ThenBy(o => o.PriorityRank),
        ("deadline", true) => orders.OrderBy(o => o.DeliveryDate == null).ThenByDescending(o => o.DeliveryDate).ThenBy(o => o.PriorityRank),
        ("customer", false) => orders.OrderBy(o => db.Customers.Where(c => c.Id == o.CustomerId).Select(c => c.Name).FirstOrDefault()),
        ("customer", true) => orders.OrderByDescending(o => db.Customers.Where(c => c.Id == o.CustomerId).Select(c => c.Name).FirstOrDefault()),
        _ when filter.Done => orders.OrderByDescending(o => o.Id),
        (_, true) => orders.OrderByDescending(o => o.PriorityRank),
        _ => orders.OrderBy(o => o.PriorityRank),
    };
}
