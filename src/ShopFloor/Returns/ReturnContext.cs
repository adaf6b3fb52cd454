using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Customers;
using ShopFloor.Core.Data;
using ShopFloor.Core.Returns;
using ShopFloor.Core.Sales;

namespace ShopFloor.Returns;

/// <summary>What a return's answer needs from its sales order: the customer, the currency and the delivered fulfillment rows.</summary>
public sealed class ReturnContext
{
    private readonly Dictionary<long, (long? Customer, string? Currency)> _orders;
    private readonly Dictionary<long, long> _fulfillmentRows;
    private readonly long _walkIn;

    private ReturnContext(Dictionary<long, (long?, string?)> orders, Dictionary<long, long> fulfillmentRows, long walkIn) =>
        (_orders, _fulfillmentRows, _walkIn) = (orders, fulfillmentRows, walkIn);

    public long CustomerOf(long salesOrderId) => _orders.GetValueOrDefault(salesOrderId).Customer ?? _walkIn;

    public string? CurrencyOf(long salesOrderId) => _orders.GetValueOrDefault(salesOrderId).Currency;

    public long? FulfillmentRowOf(long salesOrderRowId) => _fulfillmentRows.TryGetValue(salesOrderRowId, out var id) ? id : null;

    public static async Task<ReturnContext> ForAsync(ShopFloorDbContext db, IReadOnlyCollection<SalesReturn> returns, TimeProvider clock, CancellationToken ct)
    {
        var orderIds = returns.Select(r => r.SalesOrderId).Distinct().ToList();
        var orders = await db.Set<SalesOrder>().Where(o => orderIds.Contains(o.Id))
            .Select(o => new { o.Id, o.CustomerId, o.Currency }).ToDictionaryAsync(o => o.Id, o => (o.CustomerId, o.Currency), ct);
        var rowIds = returns.SelectMany(r => r.Rows).Select(r => r.SalesOrderRowId).Distinct().ToList();
        var fulfillmentRows = await DeliveredRowsAsync(db, rowIds, ct);
        var walkIn = orders.Values.Any(o => o.CustomerId is null) ? await WalkInCustomer.IdAsync(db, clock.GetUtcNow().UtcDateTime, ct) : 0;
        return new ReturnContext(orders, fulfillmentRows, walkIn);
    }

    /// <summary>Per sales-order row, its first delivered fulfillment row: Katana's fulfillment_row_id.</summary>
    public static async Task<Dictionary<long, long>> DeliveredRowsAsync(ShopFloorDbContext db, IReadOnlyCollection<long> salesOrderRowIds, CancellationToken ct) =>
        (await (from fr in db.Set<FulfillmentRow>()
                join f in db.Set<SalesOrderFulfillment>() on fr.SalesOrderFulfillmentId equals f.Id
                where salesOrderRowIds.Contains(fr.SalesOrderRowId) && f.Status == FulfillmentStatus.Delivered
                select new { fr.SalesOrderRowId, fr.Id }).ToListAsync(ct))
        .GroupBy(x => x.SalesOrderRowId).ToDictionary(g => g.Key, g => g.Min(x => x.Id));

    /// <summary>The sales-order row a Katana fulfillment row belongs to.</summary>
    public static async Task<long> SalesOrderRowOfAsync(ShopFloorDbContext db, long fulfillmentRowId, string field, CancellationToken ct) =>
        await db.Set<FulfillmentRow>().Where(r => r.Id == fulfillmentRowId).Select(r => (long?)r.SalesOrderRowId).FirstOrDefaultAsync(ct)
        ?? throw new Core.Common.ValidationFailedException(field, $"fulfillment row {fulfillmentRowId} does not exist");
}
