using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;
using ShopFloor.Core.Sales;

namespace ShopFloor.Core.Buying;

public sealed record CreatePurchaseOrder(
    string? OrderNo, long SupplierId, long LocationId, string? Currency, DateTime? ExpectedArrivalDate, string? AdditionalInfo,
    IReadOnlyList<(long VariantId, decimal Quantity, decimal PricePerUnit)> Rows);

public sealed record UpdatePurchaseOrder(
    string? OrderNo, DateTime? ExpectedArrivalDate, string? AdditionalInfo, string? Currency, PurchaseOrderStatus? Status);

public sealed class PurchaseOrders(ShopFloorDbContext db, StockLedger ledger, TimeProvider clock)
{
    public Task<PurchaseOrder> CreateAsync(CreatePurchaseOrder command, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        Guard.RowCount(command.Rows.Count, "purchase_order_rows");
        if (!await db.Suppliers.AnyAsync(s => s.Id == command.SupplierId, token))
            throw new ValidationFailedException("supplier_id", $"supplier {command.SupplierId} does not exist");
        await ledger.ValidateAsync(command.Rows.Select(r => r.VariantId), [command.LocationId], token);
        var now = clock.GetUtcNow().UtcDateTime;
        var order = new PurchaseOrder(command.OrderNo ?? await db.NextNumberAsync("PO", t => db.Set<PurchaseOrder>().LongCountAsync(t),
                (no, t) => db.Set<PurchaseOrder>().AnyAsync(o => o.OrderNo == no, t), token), command.SupplierId, command.LocationId, now)
        {
            Currency = command.Currency,
            ExpectedArrivalDate = command.ExpectedArrivalDate,
            AdditionalInfo = command.AdditionalInfo,
        };
        foreach (var (variantId, quantity, price) in command.Rows)
            order.AddRow(variantId, quantity, price);
        db.Add(order);
        await ledger.AddAsync(order, token);
        return order;
    }, ct);

    /// <summary>Receives rows, possibly of several orders, in one transaction (Katana's purchase_order_receive).</summary>
    public Task<IReadOnlyList<PurchaseOrder>> ReceiveAsync(IReadOnlyList<(long RowId, decimal Quantity)> receipts, CancellationToken ct) =>
        db.InTransactionAsync<IReadOnlyList<PurchaseOrder>>(async token =>
        {
            Guard.RowCount(receipts.Count, "rows");
            var rowIds = receipts.Select(r => r.RowId).ToList();
            foreach (var orderId in await db.Set<PurchaseOrderRow>().Where(r => rowIds.Contains(r.Id)).Select(r => r.PurchaseOrderId).Distinct().OrderBy(id => id).ToListAsync(token))
                await db.LockAsync<PurchaseOrder>(orderId, token);
            var orders = await db.Set<PurchaseOrder>().Include(o => o.Rows).Where(o => o.Rows.Any(r => rowIds.Contains(r.Id))).ToListAsync(token);
            var before = orders.SelectMany(o => o.Footprint()).ToList();
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var (receipt, index) in receipts.Select((r, i) => (r, i)))
            {
                var order = orders.FirstOrDefault(o => o.Rows.Any(r => r.Id == receipt.RowId))
                    ?? throw new ValidationFailedException($"[{index}].purchase_order_row_id", $"purchase order row {receipt.RowId} does not exist");
                order.Receive(receipt.RowId, receipt.Quantity, $"[{index}].purchase_order_row_id", now);
            }
            await db.SaveChangesAsync(token);
            await ledger.ApplyAsync(StockFootprint.Diff(before, orders.SelectMany(o => o.Footprint())), token);
            return orders;
        }, ct);

    public Task<PurchaseOrder> SetStatusAsync(long id, PurchaseOrderStatus status, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        var order = await LoadForChangeAsync(id, token);
        await ledger.ChangeAsync(order, () => order.SetStatus(status, clock.GetUtcNow().UtcDateTime), token);
        return order;
    }, ct);

    /// <summary>PATCH of the order's own fields (null leaves one as it is); a status is applied as <see cref="SetStatusAsync"/>.</summary>
    public Task<PurchaseOrder> UpdateAsync(long id, UpdatePurchaseOrder command, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        var order = await LoadForChangeAsync(id, token);
        var now = clock.GetUtcNow().UtcDateTime;
        if (command.OrderNo is not null) order.Renumber(command.OrderNo);
        if (command.ExpectedArrivalDate is { } arrival) order.ExpectedArrivalDate = arrival;
        if (command.AdditionalInfo is not null) order.AdditionalInfo = command.AdditionalInfo;
        if (command.Currency is not null) order.Currency = command.Currency;
        // Asking for the status the order has already is no change (Katana's own example asks for PARTIALLY_RECEIVED).
        if (command.Status is { } status && status != order.Status)
            await ledger.ChangeAsync(order, () => order.SetStatus(status, now), token);
        else
            await db.SaveChangesAsync(token);
        return order;
    }, ct);

    public Task<PurchaseOrderRow> AddRowAsync(long orderId, long variantId, decimal quantity, decimal pricePerUnit, CancellationToken ct) =>
        db.InTransactionAsync(async token =>
        {
            var order = await LoadForChangeAsync(orderId, token);
            await ledger.ValidateAsync([variantId], [order.LocationId], token);
            PurchaseOrderRow row = null!;
            await ledger.ChangeAsync(order, () => row = order.AddRow(variantId, quantity, pricePerUnit), token);
            return row;
        }, ct);

    public Task<PurchaseOrderRow> ChangeRowAsync(long rowId, decimal? quantity, decimal? pricePerUnit, CancellationToken ct) =>
        db.InTransactionAsync(async token =>
        {
            var order = await LoadForChangeAsync(await OrderOfRowAsync(rowId, token), token);
            await ledger.ChangeAsync(order, () => order.ChangeRow(rowId, quantity, pricePerUnit, clock.GetUtcNow().UtcDateTime), token);
            return order.Rows.First(r => r.Id == rowId);
        }, ct);

    public Task DeleteRowAsync(long rowId, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        var order = await LoadForChangeAsync(await OrderOfRowAsync(rowId, token), token);
        await ledger.ChangeAsync(order, () => db.Remove(order.RemoveRow(rowId, clock.GetUtcNow().UtcDateTime)), token);
        return true;
    }, ct);

    /// <summary>An additional cost on the order (its group); later receipts carry their share of it.</summary>
    public Task<PurchaseOrderCostRow> AddCostAsync(long orderId, long additionalCostId, long taxRateId, decimal price, CostDistribution distribution,
        CancellationToken ct) => db.InTransactionAsync(async token =>
        {
            var order = await LoadForChangeAsync(orderId, token);
            await CostNamesExistAsync(additionalCostId, taxRateId, token);
            var row = order.AddCost(additionalCostId, taxRateId, price, distribution, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(token);
            return row;
        }, ct);

    public Task<PurchaseOrderCostRow> ChangeCostAsync(long costRowId, long? additionalCostId, long? taxRateId, decimal? price, CostDistribution? distribution,
        CancellationToken ct) => db.InTransactionAsync(async token =>
        {
            var order = await LoadForChangeAsync(await OrderOfCostRowAsync(costRowId, token), token);
            await CostNamesExistAsync(additionalCostId, taxRateId, token);
            var row = order.ChangeCost(costRowId, additionalCostId, taxRateId, price, distribution, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(token);
            return row;
        }, ct);

    public Task DeleteCostAsync(long costRowId, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        var order = await LoadForChangeAsync(await OrderOfCostRowAsync(costRowId, token), token);
        db.Remove(order.RemoveCost(costRowId, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(token);
        return true;
    }, ct);

    private async Task CostNamesExistAsync(long? additionalCostId, long? taxRateId, CancellationToken ct)
    {
        if (additionalCostId is { } cost && !await db.Set<AdditionalCost>().AnyAsync(c => c.Id == cost, ct))
            throw new ValidationFailedException("additional_cost_id", $"additional cost {cost} does not exist");
        if (taxRateId is { } tax && !await db.Set<TaxRate>().AnyAsync(r => r.Id == tax, ct))
            throw new ValidationFailedException("tax_rate_id", $"tax rate {tax} does not exist");
    }

    private async Task<long> OrderOfCostRowAsync(long costRowId, CancellationToken ct) =>
        await db.Set<PurchaseOrderCostRow>().Where(r => r.Id == costRowId).Select(r => (long?)r.PurchaseOrderId).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("Purchase order additional cost row", costRowId);

    private async Task<long> OrderOfRowAsync(long rowId, CancellationToken ct) =>
        await db.Set<PurchaseOrderRow>().Where(r => r.Id == rowId).Select(r => (long?)r.PurchaseOrderId).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("Purchase order row", rowId);

    public Task DeleteAsync(long id, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        var order = await LoadForChangeAsync(id, token);
        if (order.Status != PurchaseOrderStatus.NotReceived)
            throw new DomainException($"Purchase order {order.OrderNo} has received rows; set it back to NOT_RECEIVED first.");
        var before = order.Footprint().ToList();
        db.Remove(order);
        await db.SaveChangesAsync(token);
        await ledger.ApplyAsync(StockFootprint.Diff(before, []), token);
        return true;
    }, ct);

    private async Task<PurchaseOrder> LoadForChangeAsync(long id, CancellationToken ct)
    {
        await db.LockAsync<PurchaseOrder>(id, ct);
        return await LoadAsync(id, ct);
    }

    public async Task<PurchaseOrder> LoadAsync(long id, CancellationToken ct) =>
        await db.Set<PurchaseOrder>().Include(o => o.Rows).FirstOrDefaultAsync(o => o.Id == id, ct)
        ?? throw new NotFoundException("Purchase order", id);
}
