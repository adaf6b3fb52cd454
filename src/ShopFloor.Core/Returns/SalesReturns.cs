using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;
using ShopFloor.Core.Outbox;
using ShopFloor.Core.Sales;

namespace ShopFloor.Core.Returns;

public sealed record ReturnRowInput(long SalesOrderRowId, decimal Quantity, bool Restock, string? Reason);

public sealed record CreateSalesReturn(string? ReturnNo, long SalesOrderId, long? LocationId, string? AdditionalInfo, IReadOnlyList<ReturnRowInput> Rows);

public sealed class SalesReturns(ShopFloorDbContext db, StockLedger ledger, TimeProvider clock)
{
    public Task<SalesReturn> CreateAsync(CreateSalesReturn command, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        // Katana makes a return first and adds its rows after (POST /sales_return_rows): no rows is a start.
        if (command.Rows.Count > Guard.MaxRows)
            Guard.RowCount(command.Rows.Count, "sales_return_rows");
        // What is still returnable is read and then taken: one return of an order at a time.
        await db.LockAsync<SalesOrder>(command.SalesOrderId, token);
        var order = await db.Set<SalesOrder>().Include(o => o.Rows).FirstOrDefaultAsync(o => o.Id == command.SalesOrderId, token)
            ?? throw new ValidationFailedException("sales_order_id", $"sales order {command.SalesOrderId} does not exist");
        var locationId = command.LocationId ?? order.LocationId;
        if (!await db.Locations.AnyAsync(l => l.Id == locationId, token))
            throw new ValidationFailedException("return_location_id", $"location {locationId} does not exist");
        var returnable = await ReturnableAsync(order, token);

        var salesReturn = new SalesReturn(command.ReturnNo ?? await db.NextNumberAsync("RO", t => db.Set<SalesReturn>().LongCountAsync(t),
                (no, t) => db.Set<SalesReturn>().AnyAsync(r => r.ReturnNo == no, t), token), order.Id, locationId, clock.GetUtcNow().UtcDateTime)
        {
            AdditionalInfo = command.AdditionalInfo,
        };
        foreach (var (row, index) in command.Rows.Select((r, i) => (r, i)))
            AddRow(salesReturn, order, returnable, row, $"sales_return_rows[{index}].", index);
        db.Add(salesReturn);
        await db.SaveChangesAsync(token);
        return salesReturn;
    }, ct);

    /// <summary>Adds a row to a return not yet returned, within what the order has delivered and not had back.</summary>
    public Task<SalesReturnRow> AddRowAsync(long returnId, ReturnRowInput row, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        var salesReturn = await OpenForChangeAsync(returnId, token);
        await db.LockAsync<SalesOrder>(salesReturn.SalesOrderId, token);
        var order = await db.Set<SalesOrder>().Include(o => o.Rows).FirstAsync(o => o.Id == salesReturn.SalesOrderId, token);
        var added = AddRow(salesReturn, order, await ReturnableAsync(order, token), row, "", salesReturn.Rows.Count);
        await db.SaveChangesAsync(token);
        return added;
    }, ct);

    public Task<SalesReturnRow> ChangeRowAsync(long rowId, decimal? quantity, bool? restock, string? reason, CancellationToken ct) =>
        db.InTransactionAsync(async token =>
        {
            var salesReturn = await OpenForChangeAsync(await ReturnOfRowAsync(rowId, token), token);
            var row = salesReturn.Rows.First(r => r.Id == rowId);
            if (quantity is { } q && q != row.Quantity)
            {
                var order = await db.Set<SalesOrder>().Include(o => o.Rows).FirstAsync(o => o.Id == salesReturn.SalesOrderId, token);
                var returnable = (await ReturnableAsync(order, token)).GetValueOrDefault(row.SalesOrderRowId) + row.Quantity;
                if (q <= 0 || q > returnable)
                    throw new ValidationFailedException("quantity", $"{q} is more than the {returnable} returnable on sales order row {row.SalesOrderRowId}");
            }
            row.Change(quantity, restock, reason);
            await db.SaveChangesAsync(token);
            return row;
        }, ct);

    public Task DeleteRowAsync(long rowId, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        var salesReturn = await OpenForChangeAsync(await ReturnOfRowAsync(rowId, token), token);
        salesReturn.RemoveRow(rowId);
        await db.SaveChangesAsync(token);
        return true;
    }, ct);

    /// <summary>Deletes a return whose goods have not come back (a returned one is set back to NOT_RETURNED first).</summary>
    public Task DeleteAsync(long id, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        db.Remove(await OpenForChangeAsync(id, token));
        await db.SaveChangesAsync(token);
        return true;
    }, ct);

    private async Task<SalesReturn> OpenForChangeAsync(long id, CancellationToken ct)
    {
        await db.LockAsync<SalesReturn>(id, ct);
        var salesReturn = await LoadAsync(id, ct);
        if (salesReturn.Status == SalesReturnStatus.Returned)
            throw new DomainException($"Return {salesReturn.ReturnNo} is returned; set it back to NOT_RETURNED to change it.");
        return salesReturn;
    }

    private async Task<long> ReturnOfRowAsync(long rowId, CancellationToken ct) =>
        await db.Set<SalesReturnRow>().Where(r => r.Id == rowId).Select(r => (long?)r.SalesReturnId).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("Sales return row", rowId);

    private static SalesReturnRow AddRow(SalesReturn salesReturn, SalesOrder order, Dictionary<long, decimal> returnable, ReturnRowInput row, string at, int index)
    {
        var orderRow = order.RowOrThrow(row.SalesOrderRowId, at + "sales_order_row_id");
        if (orderRow is not { TracksStock: true, VariantId: { } variantId })
            throw new ValidationFailedException(at + "sales_order_row_id", "only stock-tracked product rows can be returned");
        if (row.Quantity > returnable.GetValueOrDefault(orderRow.Id))
            throw new ValidationFailedException(at + "quantity",
                $"{row.Quantity} is more than the {returnable.GetValueOrDefault(orderRow.Id)} delivered and not yet returned on row {orderRow.Id}");
        returnable[orderRow.Id] -= row.Quantity;
        return salesReturn.AddRow(orderRow.Id, variantId, row.Quantity, row.Restock, row.Reason, index);
    }

    /// <summary>Marking returned restocks the restock rows; marking not returned takes them back out.</summary>
    public Task<SalesReturn> SetStatusAsync(long id, SalesReturnStatus status, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        await db.LockAsync<SalesReturn>(id, token);
        var salesReturn = await LoadAsync(id, token);
        var now = clock.GetUtcNow().UtcDateTime;
        var returned = status == SalesReturnStatus.Returned && salesReturn.Status != SalesReturnStatus.Returned;
        await ledger.ChangeAsync(salesReturn, () => salesReturn.SetStatus(status, now), token);
        if (returned && salesReturn.StoreReturnId is not null)
        {
            db.OutboxMessages.Add(new SalesReturnReturned(salesReturn.Id).ToMessage(now));
            await db.SaveChangesAsync(token);
        }
        return salesReturn;
    }, ct);

    /// <summary>
    /// A return processed in a store: its rows follow the store's dispositions (restocked or not, and where),
    /// then it is marked returned, so only what went back on the shelf is added to stock.
    /// </summary>
    public Task<SalesReturn> ProcessAsync(long id, IReadOnlyDictionary<long, decimal> restockedBySalesOrderRow, long? restockLocationId, CancellationToken ct) =>
        db.InTransactionAsync(async token =>
        {
            await db.LockAsync<SalesReturn>(id, token);
            var salesReturn = await LoadAsync(id, token);
            if (salesReturn.Status == SalesReturnStatus.Returned)
                return salesReturn;
            if (restockLocationId is { } location)
                salesReturn.LocationId = location;
            salesReturn.ApplyDispositions(restockedBySalesOrderRow);
            await db.SaveChangesAsync(token);
            await ledger.ChangeAsync(salesReturn, () => salesReturn.SetStatus(SalesReturnStatus.Returned, clock.GetUtcNow().UtcDateTime), token);
            return salesReturn;
        }, ct);

    /// <summary>New lines of a return not yet returned (a store's return edited after approval), within what is returnable.</summary>
    public Task<SalesReturn> ReviseAsync(long id, IReadOnlyDictionary<long, (decimal Quantity, string? Reason)> lines, CancellationToken ct) =>
        db.InTransactionAsync(async token =>
        {
            await db.LockAsync<SalesReturn>(id, token);
            var salesReturn = await LoadAsync(id, token);
            var order = await db.Set<SalesOrder>().Include(o => o.Rows).FirstAsync(o => o.Id == salesReturn.SalesOrderId, token);
            var returnable = await ReturnableAsync(order, token);
            foreach (var row in salesReturn.Rows)
                returnable[row.SalesOrderRowId] = returnable.GetValueOrDefault(row.SalesOrderRowId) + row.Quantity; // its own rows are returnable to it
            var revised = new Dictionary<long, (long, decimal, string?)>();
            foreach (var (rowId, (quantity, reason)) in lines)
            {
                var orderRow = order.RowOrThrow(rowId, "sales_return_rows.sales_order_row_id");
                if (orderRow is not { TracksStock: true, VariantId: { } variantId } || quantity <= 0 || quantity > returnable.GetValueOrDefault(rowId))
                    throw new ValidationFailedException("sales_return_rows.quantity", $"{quantity} of row {rowId} cannot be returned");
                revised[rowId] = (variantId, quantity, reason);
            }
            salesReturn.Revise(revised, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(token);
            return salesReturn;
        }, ct);

    /// <summary>Per sales-order row: delivered minus what other returns already take back.</summary>
    public async Task<Dictionary<long, decimal>> ReturnableAsync(SalesOrder order, CancellationToken ct)
    {
        var rowIds = order.Rows.Select(r => r.Id).ToList();
        var returned = await db.Set<SalesReturnRow>().Where(r => rowIds.Contains(r.SalesOrderRowId))
            .Select(r => new { r.SalesOrderRowId, r.Quantity }).ToListAsync(ct);
        return order.Rows.Where(r => r.TracksStock).ToDictionary(r => r.Id,
            r => r.Delivered - returned.Where(x => x.SalesOrderRowId == r.Id).Sum(x => x.Quantity));
    }

    public async Task<SalesReturn> LoadAsync(long id, CancellationToken ct) =>
        await db.Set<SalesReturn>().Include(r => r.Rows).FirstOrDefaultAsync(r => r.Id == id, ct)
        ?? throw new NotFoundException("Sales return", id);
}
