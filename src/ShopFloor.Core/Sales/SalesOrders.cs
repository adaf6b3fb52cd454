using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Common;
using ShopFloor.Core.Customers;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;
using ShopFloor.Core.Outbox;

namespace ShopFloor.Core.Sales;

/// <summary>
/// Sales-order use cases. Each runs in one transaction: load the order, note its stock footprint, change it,
/// and hand the ledger the difference, so stock, commitments, availability and outbox events move together.
/// </summary>
public sealed class SalesOrders(
    ShopFloorDbContext db, StockLedger ledger, SalesAvailability availability, IMakeToOrderLinks makeToOrder, TimeProvider clock)
{
    public Task<SalesOrder> CreateAsync(CreateSalesOrder command, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        if (command.Rows.Count > Guard.MaxRows)
            throw new ValidationFailedException("sales_order_rows", $"may contain at most {Guard.MaxRows:#,0} rows; split the order");
        if (!await db.Locations.AnyAsync(l => l.Id == command.LocationId, token))
            throw new ValidationFailedException("location_id", $"location {command.LocationId} does not exist");
        if (command.CustomerId is { } customerId && !await db.Customers.AnyAsync(c => c.Id == customerId, token))
            throw new ValidationFailedException("customer_id", $"customer {customerId} does not exist");
        var tracked = await StockTrackingAsync(command.Rows.Select(r => r.VariantId), token);
        foreach (var (address, index) in (command.Addresses ?? []).Select((a, i) => (a, i)))
            if (address.EntityType is not ("billing" or "shipping"))
                throw new ValidationFailedException($"addresses[{index}].entity_type", "must be billing or shipping");
            else if (command.Addresses!.Take(index).Any(a => a.EntityType == address.EntityType))
                throw new ValidationFailedException($"addresses[{index}].entity_type", $"an order has one {address.EntityType} address");

        var now = clock.GetUtcNow().UtcDateTime;
        var lastRank = await db.Set<SalesOrder>().MaxAsync(o => (long?)o.PriorityRank, token) ?? 0;
        var orderNo = command.OrderNo ?? await db.NextNumberAsync("SO", t => db.Set<SalesOrder>().LongCountAsync(t),
            (no, t) => db.Set<SalesOrder>().AnyAsync(o => o.OrderNo == no, t), token);
        var customer = command.CustomerId ?? await WalkInCustomer.IdAsync(db, now, token);
        var order = new SalesOrder(orderNo, command.LocationId, customer, now)
        {
            CommitsStock = command.CommitsStock,
            Currency = command.Currency,
            AdditionalInfo = command.AdditionalInfo,
            DeliveryDate = command.DeliveryDate?.ToUniversalTime(),
            PriorityRank = lastRank + 1,
            Addresses = [.. command.Addresses ?? []],
            Tags = [.. command.Tags ?? []],
        };
        if (command.Shopify is { } shopify)
            order.SetShopifySource(shopify.StoreId, shopify.OrderId, shopify.Name, shopify.UpdatedAt);
        else if (command.Channel is { } channel)
            order.SetChannelSource(channel);
        foreach (var input in command.Rows)
            AddRow(order, input, tracked);
        order.MakeQuote(command.IsQuote);
        db.Add(order);
        return await availability.ReallotOnceAfterAsync(async () =>
        {
            await ledger.AddAsync(order, token);
            return (order, StockKeys(order));
        }, token);
    }, ct);

    public Task<SalesOrder> UpdateAsync(long id, UpdateSalesOrder command, CancellationToken ct) => ChangeAsync(id, async (order, now, token) =>
    {
        if (command.CustomerId is { } customerId)
        {
            if (!await db.Customers.AnyAsync(c => c.Id == customerId, token))
                throw new ValidationFailedException("customer_id", $"customer {customerId} does not exist");
            order.CustomerId = customerId;
        }
        if (command.LocationId is { } locationId && locationId != order.LocationId)
        {
            if (!await db.Locations.AnyAsync(l => l.Id == locationId, token))
                throw new ValidationFailedException("location_id", $"location {locationId} does not exist");
            order.MoveTo(locationId);
        }
        if (command.CommitsStock is { } commits) order.CommitsStock = commits;
        if (command.PriorityRank is { } rank) order.PriorityRank = rank;
        if (command.AdditionalInfo is not null) order.AdditionalInfo = command.AdditionalInfo;
        if (command.DeliveryDate is { } deliveryDate) order.DeliveryDate = deliveryDate.ToUniversalTime();
        if (command.Status is { } status) order.SetStatus(status, now);
    }, ct);

    /// <summary>
    /// Puts an order just before another in priority (or last when <paramref name="beforeId"/> is null), as a drag on the
    /// Sell screen does. The orders from that place down move one place together, so their order among themselves, and
    /// what they are allotted, stays; the moved order's items are allotted again.
    /// </summary>
    public Task<SalesOrder> PrioritizeAsync(long id, long? beforeId, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        long rank;
        if (beforeId is { } before)
        {
            rank = await db.Set<SalesOrder>().Where(o => o.Id == before).Select(o => (long?)o.PriorityRank).FirstOrDefaultAsync(token)
                ?? throw new NotFoundException("Sales order", before);
            await db.Set<SalesOrder>().Where(o => o.Id != id && o.PriorityRank >= rank)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.PriorityRank, o => o.PriorityRank + 1), token);
        }
        else
            rank = (await db.Set<SalesOrder>().MaxAsync(o => (long?)o.PriorityRank, token) ?? 0) + 1;
        return await UpdateAsync(id, new UpdateSalesOrder(null, null, null, null, rank, null), token);
    }, ct);

    public Task<SalesOrder> AddRowAsync(long id, SalesRowInput input, CancellationToken ct) => ChangeAsync(id, async (order, _, token) =>
        AddRow(order, input, await StockTrackingAsync([input.VariantId], token)), ct);

    public async Task<SalesOrder> UpdateRowAsync(long rowId, decimal? quantity, decimal? pricePerUnit, CancellationToken ct,
        RowTax? tax = null, string? description = null) =>
        await ChangeAsync(await OrderOfRowAsync(rowId, ct), async (order, _, token) =>
        {
            var row = order.RowOrThrow(rowId, "id");
            if (pricePerUnit is { } price) row.PricePerUnit = Guard.NotNegative(price, "price_per_unit") ?? 0;
            if (tax is not null) (row.TaxRate, row.TaxRateId) = (tax.Rate, tax.TaxRateId);
            if (description is not null) row.Description = description;
            if (quantity is { } q && q != row.Quantity)
            {
                row.ChangeQuantity(q);
                if (row.LinkedManufacturingOrderId is not null)
                    await makeToOrder.RowQuantityChangedAsync(row, token);
            }
        }, ct);

    public Task<SalesOrder> DeleteRowAsync(long rowId, CancellationToken ct) => DeleteRowsAsync(rowId, ct);

    public Task<SalesOrder> FulfillAsync(FulfillSalesOrder command, CancellationToken ct) => ChangeAsync(command.SalesOrderId, (order, now, _) =>
    {
        var fulfillment = order.Fulfill(command.Status, command.Rows, now);
        fulfillment.TrackingNumber = command.TrackingNumber;
        fulfillment.TrackingUrl = command.TrackingUrl;
        fulfillment.TrackingCarrier = command.TrackingCarrier;
        fulfillment.StoreFulfillmentId = command.StoreFulfillmentId;
        return Task.CompletedTask;
    }, ct);

    /// <summary>
    /// Records a shipment made outside ShopFloor (in Shopify, or by a shipping app through it): packed quantities
    /// ship first, then open ones. Quantities beyond what is left are ignored, so a repeat changes nothing.
    /// </summary>
    public Task<SalesOrder> DeliverShippedAsync(long id, IReadOnlyList<(long RowId, decimal Quantity)> rows, ShipmentInfo shipment, CancellationToken ct) =>
        ChangeAsync(id, (order, now, _) =>
        {
            order.DeliverShipped(rows, shipment, now);
            return Task.CompletedTask;
        }, ct);

    /// <summary>
    /// Several changes to one order in one transaction (an order edited in a store): rows added, re-counted or
    /// removed, the location moved, the order cancelled. Make-to-order manufacturing orders follow their rows.
    /// </summary>
    public async Task<SalesOrder> EditAsync(long id, SalesOrderEdit edit, CancellationToken ct)
    {
        var tracked = await StockTrackingAsync(edit.AddedRows.Select(r => r.VariantId), ct);
        return await ChangeAsync(id, async (order, now, token) =>
        {
            foreach (var rowId in edit.RemovedRowIds)
            {
                var row = order.RowOrThrow(rowId, "id");
                if (row.LinkedManufacturingOrderId is not null)
                    await makeToOrder.RowRemovedAsync(row, token);
                order.RemoveRow(row);
                db.Remove(row);
            }
            foreach (var (rowId, quantity) in edit.QuantityChanges)
            {
                var row = order.RowOrThrow(rowId, "id");
                row.ChangeQuantity(quantity);
                if (row.LinkedManufacturingOrderId is not null)
                    await makeToOrder.RowQuantityChangedAsync(row, token);
            }
            foreach (var input in edit.AddedRows)
                AddRow(order, input, tracked);
            if (edit.MoveTo is { } locationId && locationId != order.LocationId)
                order.MoveTo(locationId);
            if (edit.Cancel && !order.IsCancelled)
            {
                foreach (var row in order.Rows.Where(r => r.LinkedManufacturingOrderId is not null))
                    await makeToOrder.RowRemovedAsync(row, token);
                order.Cancel(true);
            }
            if (edit.MarkDelivered && order.IsOpen && !order.IsQuote)
                order.SetStatus(SalesOrderStatus.Delivered, now);
        }, ct);
    }

    public async Task<SalesOrder> ChangeFulfillmentAsync(long fulfillmentId, FulfillmentStatus status, CancellationToken ct) =>
        await ChangeAsync(await OrderOfFulfillmentAsync(fulfillmentId, ct), (order, now, _) =>
        {
            order.ChangeFulfillmentStatus(order.Fulfillments.First(f => f.Id == fulfillmentId), status, now);
            return Task.CompletedTask;
        }, ct);

    public async Task<SalesOrder> DeleteFulfillmentAsync(long fulfillmentId, CancellationToken ct) =>
        await ChangeAsync(await OrderOfFulfillmentAsync(fulfillmentId, ct), (order, now, _) =>
        {
            order.RemoveFulfillment(order.Fulfillments.First(f => f.Id == fulfillmentId), now);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Sets the order's billing or shipping address (one of each, as Katana), replacing the one it had.</summary>
    public Task<SalesOrder> SetAddressAsync(long id, SalesOrderAddress address, CancellationToken ct) => ChangeAsync(id, (order, _, _) =>
    {
        if (address.EntityType is not ("billing" or "shipping"))
            throw new ValidationFailedException("entity_type", "must be billing or shipping");
        order.Addresses = [.. order.Addresses.Where(a => a.EntityType != address.EntityType), address];
        return Task.CompletedTask;
    }, ct);

    public Task<SalesOrder> RemoveAddressAsync(long id, string entityType, CancellationToken ct) => ChangeAsync(id, (order, _, _) =>
    {
        if (order.Addresses.All(a => a.EntityType != entityType))
            throw new NotFoundException("Sales order address", $"{entityType} of sales order {id}");
        order.Addresses = [.. order.Addresses.Where(a => a.EntityType != entityType)];
        return Task.CompletedTask;
    }, ct);

    /// <summary>Deletes an order that is not delivered; packed stock goes back on the shelf.</summary>
    public Task DeleteAsync(long id, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        await db.LockAsync<SalesOrder>(id, token);
        var order = await LoadAsync(id, token);
        if (order.Rows.Any(r => r.Delivered > 0))
            throw new DomainException($"Sales order {order.OrderNo} has delivered rows and cannot be deleted; revert the delivery first.");
        var before = order.Footprint().ToList();
        foreach (var row in order.Rows.Where(r => r.LinkedManufacturingOrderId is not null))
            await makeToOrder.RowRemovedAsync(row, token);
        db.Remove(order);
        if (order is { StoreId: { } storeId, ShopifyOrderId: { } shopifyOrderId })
            db.Add(new DeletedShopifyOrder(storeId, shopifyOrderId, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(token);
        return await availability.ReallotOnceAfterAsync(async () =>
        {
            await ledger.ApplyAsync(StockFootprint.Diff(before, []), token);
            return (true, before.Select(c => c.Key));
        }, token);
    }, ct);

    public async Task<SalesOrder> LoadAsync(long id, CancellationToken ct) =>
        await db.Set<SalesOrder>().Include(o => o.Rows).Include(o => o.Fulfillments).ThenInclude(f => f.Rows)
            .AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, ct)
        ?? throw new NotFoundException("Sales order", id);

    private async Task<SalesOrder> DeleteRowsAsync(long rowId, CancellationToken ct) =>
        await ChangeAsync(await OrderOfRowAsync(rowId, ct), async (order, _, token) =>
        {
            var row = order.RowOrThrow(rowId, "id");
            if (row.LinkedManufacturingOrderId is not null)
                await makeToOrder.RowRemovedAsync(row, token);
            order.RemoveRow(row);
            db.Remove(row);
        }, ct);

    private Task<SalesOrder> ChangeAsync(long id, Func<SalesOrder, DateTime, CancellationToken, Task> change, CancellationToken ct) =>
        db.InTransactionAsync(async token =>
        {
            await db.LockAsync<SalesOrder>(id, token);
            var order = await LoadAsync(id, token);
            var keysBefore = StockKeys(order);
            var takenBefore = Taken(order);
            var now = clock.GetUtcNow().UtcDateTime;
            return await availability.ReallotOnceAfterAsync(async () =>
            {
                await ledger.ChangeAsync(order, async () =>
                {
                    await change(order, now, token);
                    order.Touch(now);
                    if (order.HasDeliveriesTheStoreLacks)
                        db.OutboxMessages.Add(new SalesOrderDelivered(order.Id).ToMessage(now));
                }, token);
                var leaving = Taken(order).Select(t => (t.Key, Quantity: t.Value - takenBefore.GetValueOrDefault(t.Key))).Where(t => t.Quantity > 0)
                    .ToDictionary(t => t.Key, t => t.Quantity);
                if (leaving.Count > 0)
                    await makeToOrder.AssembleShortKitsAsync(order, leaving, token);
                return (order, StockKeys(order).Concat(keysBefore));
            }, token);
        }, ct);

    /// <summary>What the order has taken off the shelf (packed or delivered), per variant and location.</summary>
    private static Dictionary<StockKey, decimal> Taken(SalesOrder order) =>
        order.Footprint().GroupBy(c => c.Key).ToDictionary(g => g.Key, g => -g.Sum(c => c.InStock));

    private static List<StockKey> StockKeys(SalesOrder order) =>
        order.Rows.Where(r => r.TracksStock).Select(r => new StockKey(r.VariantId!.Value, r.LocationId)).ToList();

    private static void AddRow(SalesOrder order, SalesRowInput input, IReadOnlyDictionary<long, bool> tracked)
    {
        var row = order.AddRow(input.Kind, input.VariantId,
            input.VariantId is { } v && tracked[v], input.Quantity, input.PricePerUnit, input.LocationId);
        row.TaxRate = input.TaxRate;
        row.TaxRateId = input.TaxRateId;
        row.Description = input.Description;
        row.StoreLineItemId = input.StoreLineItemId;
        row.Properties = [.. input.Properties ?? []];
    }

    private async Task<IReadOnlyDictionary<long, bool>> StockTrackingAsync(IEnumerable<long?> variants, CancellationToken ct)
    {
        var ids = variants.OfType<long>().Distinct().ToList();
        var kinds = await db.Variants.Where(v => ids.Contains(v.Id)).Select(v => new { v.Id, v.Item.Kind }).ToDictionaryAsync(v => v.Id, v => v.Kind, ct);
        if (ids.Where(id => !kinds.ContainsKey(id)).ToList() is [var missing, ..])
            throw new ValidationFailedException("variant_id", $"variant {missing} does not exist");
        return kinds.ToDictionary(k => k.Key, k => k.Value != ItemKind.Service);
    }

    private async Task<long> OrderOfRowAsync(long rowId, CancellationToken ct) =>
        await db.Set<SalesOrderRow>().Where(r => r.Id == rowId).Select(r => (long?)r.SalesOrderId).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("Sales order row", rowId);

    private async Task<long> OrderOfFulfillmentAsync(long fulfillmentId, CancellationToken ct) =>
        await db.Set<SalesOrderFulfillment>().Where(f => f.Id == fulfillmentId).Select(f => (long?)f.SalesOrderId).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("Sales order fulfillment", fulfillmentId);
}
