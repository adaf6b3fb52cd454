using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Data;
using ShopFloor.Core.Making;
using ShopFloor.Core.Sales;

namespace ShopFloor.Making;

public sealed record MoLine(long Id, string OrderNo, string Product, decimal Planned, decimal Produced, string? SalesOrder, ManufacturingStatus Status,
    List<string> Missing);

/// <summary>The Make page's read: one page of manufacturing orders, open first, each blocked one with what it lacks.</summary>
public sealed class ManufacturingOrdersList(ShopFloorDbContext db, IngredientShortages shortagesOf)
{
    public async Task<(List<MoLine> Lines, int Total)> PageAsync(int page, int size, CancellationToken ct)
    {
        var orders = db.Set<ManufacturingOrder>().AsNoTracking();
        var total = await orders.CountAsync(ct);
        var rows = await orders.Include(o => o.Recipe).Include(o => o.Productions).AsSplitQuery()
            .OrderBy(o => o.Status == ManufacturingStatus.Done).ThenByDescending(o => o.Id)
            .Skip(page * size).Take(size).ToListAsync(ct);
        var shortages = await shortagesOf.OfAsync(rows, ct);
        var variantIds = rows.Select(o => o.VariantId).Concat(shortages.Values.SelectMany(s => s.Select(x => x.VariantId))).Distinct().ToList();
        var names = await db.Variants.Where(v => variantIds.Contains(v.Id)).Select(v => new { v.Id, Name = v.Sku ?? v.Item.Name }).ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        var salesOrderIds = rows.Select(o => o.SalesOrderId).OfType<long>().ToList();
        var salesOrders = await db.Set<SalesOrder>().Where(s => salesOrderIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.OrderNo, ct);
        var lines = rows.Select(o => new MoLine(o.Id, o.OrderNo, names.GetValueOrDefault(o.VariantId, ""), o.PlannedQuantity, o.ProducedQuantity,
            o.SalesOrderId is { } so ? salesOrders.GetValueOrDefault(so) : null,
            shortages.ContainsKey(o.Id) ? ManufacturingStatus.Blocked : o.Status,
            shortages.GetValueOrDefault(o.Id)?.Select(s => $"{names.GetValueOrDefault(s.VariantId)} × {s.Missing:0.##}").ToList() ?? [])).ToList();
        return (lines, total);
    }
}
