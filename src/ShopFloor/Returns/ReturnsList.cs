using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Data;
using ShopFloor.Core.Returns;
using ShopFloor.Core.Sales;

namespace ShopFloor.Returns;

public sealed record ReturnLine(long Id, string ReturnNo, long SalesOrderId, string? OrderNo, decimal Quantity, SalesReturnStatus Status, DateTime CreatedAt);

/// <summary>The Returns page's read: one page of return orders, newest first, with their sales order's number.</summary>
public sealed class ReturnsList(ShopFloorDbContext db)
{
    public async Task<(List<ReturnLine> Lines, int Total)> PageAsync(int page, int size, CancellationToken ct)
    {
        var returns = db.Set<SalesReturn>().AsNoTracking();
        var total = await returns.CountAsync(ct);
        var rows = await returns.OrderByDescending(r => r.Id).Skip(page * size).Take(size)
            .Select(r => new
            {
                r.Id, r.ReturnNo, r.SalesOrderId, r.Status, r.CreatedAt,
                OrderNo = db.Set<SalesOrder>().Where(o => o.Id == r.SalesOrderId).Select(o => o.OrderNo).FirstOrDefault(),
                Quantities = r.Rows.Select(x => x.Quantity).ToList(),
            })
            .ToListAsync(ct);
        return (rows.Select(r => new ReturnLine(r.Id, r.ReturnNo, r.SalesOrderId, r.OrderNo, r.Quantities.Sum(), r.Status, r.CreatedAt)).ToList(), total);
    }
}
