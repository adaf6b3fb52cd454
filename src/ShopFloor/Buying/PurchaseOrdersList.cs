using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Buying;
using ShopFloor.Core.Data;

namespace ShopFloor.Buying;

public sealed record PoLine(long Id, string OrderNo, string? Supplier, int Rows, DateTime? ExpectedArrival, PurchaseOrderStatus Status);

/// <summary>The Buy page's read: one page of purchase orders, open ones first, newest first.</summary>
public sealed class PurchaseOrdersList(ShopFloorDbContext db)
{
    public async Task<(List<PoLine> Lines, int Total)> PageAsync(int page, int size, CancellationToken ct)
    {
        var orders = db.Set<PurchaseOrder>().AsNoTracking();
        var total = await orders.CountAsync(ct);
        var lines = await orders.OrderBy(o => o.Status == PurchaseOrderStatus.Received).ThenByDescending(o => o.Id)
            .Skip(page * size).Take(size)
            .Select(o => new PoLine(o.Id, o.OrderNo, db.Suppliers.Where(s => s.Id == o.SupplierId).Select(s => s.Name).FirstOrDefault(),
                o.Rows.Count, o.ExpectedArrivalDate, o.Status))
            .ToListAsync(ct);
        return (lines, total);
    }
}
